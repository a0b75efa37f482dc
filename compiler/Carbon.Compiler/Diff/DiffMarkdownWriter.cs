using System.Text;

namespace Carbon.Compiler.Diff;

/// <summary>
/// The diff as a pull-request comment. It starts with <see cref="DiffDocument.Marker"/>, an HTML comment GitHub
/// does not show, so a CI job can find its earlier comment and edit it instead of adding another.
/// </summary>
public static class DiffMarkdownWriter
{
    private const string HeaderRow = "| | CO2e t | Energy MWh | Water kL | GPU-hours |\n|---|---:|---:|---:|---:|\n";

    public static string Write(DiffDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append(DiffDocument.Marker).Append('\n');
        sb.Append("## Carbon footprint: ").Append(Code(doc.Base.Label)).Append(" → ").Append(Code(doc.Head.Label))
            .Append("\n\n");
        bool over = doc.Budgets.Any(b => b.Level == "error");
        if (doc.Budgets.Count > 0)
        {
            sb.Append(over ? "**Over budget.** " : "Within error budgets; warnings below. ");
        }

        sb.Append("CO2e is operational + embodied (location-based); energy is facility energy; figures are rounded ")
            .Append("as shown and changes are taken between the rounded figures.\n\n");
        sb.Append(HeaderRow);
        sb.Append("| **all files** | ").Append(string.Join(" | ", doc.Totals.Items.Select(Cell))).Append(" |\n");
        foreach (var f in doc.Files.Where(f => f.Status != ChangeStatus.Unchanged))
        {
            string status = DiffText.FileStatus(f, doc);
            sb.Append('\n').Append("### ").Append(Code(f.Path)).Append(" (").Append(Escape(status)).Append(")\n");
            if (f.Campaigns.Count == 0)
            {
                continue;
            }

            sb.Append('\n').Append(HeaderRow);
            foreach (var c in f.Campaigns)
            {
                Row(sb, $"**campaign \"{Escape(c.Name)}\"** ({DiffText.Status(c.Status)})", c.Totals);
                foreach (var s in c.Stages.Where(s => s.Status != ChangeStatus.Unchanged))
                {
                    string old = s.OldName is null ? "" : $" from {Escape(s.OldName)}";
                    Row(sb, $"stage {Escape(s.Name)} ({DiffText.Status(s.Status)}{old})", s.Metrics);
                }

                foreach (var k in c.Kinds.Where(k => k.Status != ChangeStatus.Unchanged))
                {
                    Row(sb, $"run kind: {Escape(k.Kind)} ({DiffText.Status(k.Status)})", k.Metrics);
                }
            }

            var same = f.Campaigns.SelectMany(c => c.Stages).Where(s => s.Status == ChangeStatus.Unchanged).ToList();
            if (same.Count > 0 && f.Status != ChangeStatus.Unchanged)
            {
                sb.Append("\n<details><summary>").Append(same.Count).Append(" unchanged stage")
                    .Append(same.Count == 1 ? "" : "s")
                    .Append("</summary>\n\n").Append(string.Join(", ", same.Select(s => Escape(s.Name))))
                    .Append("\n\n</details>\n");
            }
        }

        var unchanged = doc.Files.Where(f => f.Status == ChangeStatus.Unchanged).ToList();
        if (unchanged.Count > 0)
        {
            sb.Append("\n<details><summary>").Append(unchanged.Count).Append(" unchanged file")
                .Append(unchanged.Count == 1 ? "" : "s")
                .Append("</summary>\n\n").Append(string.Join(", ", unchanged.Select(f => Code(f.Path))))
                .Append("\n\n</details>\n");
        }

        if (doc.Budgets.Count > 0)
        {
            sb.Append("\n### Budgets\n\n");
            foreach (var b in doc.Budgets)
            {
                string mark = b.Level == "error" ? ":x:" : ":warning:";
                string where = b.Line > 0 ? $"{b.File}({b.Line},{b.Column})" : b.File;
                sb.Append("- ").Append(mark).Append(' ').Append(Code(where)).Append(' ').Append(b.Code).Append(": ")
                    .Append(Escape(b.Message)).Append('\n');
            }
        }

        sb.Append("\n<sub>carbonc diff, schema ").Append(DiffDocument.SchemaVersion).Append("</sub>\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string label, MetricSet set) =>
        sb.Append("| ").Append(label).Append(" | ").Append(string.Join(" | ", set.Items.Select(Cell))).Append(" |\n");

    /// <summary>"4,250.4 → 4,400.1 (+149.7, +3.5 %)"; one figure when nothing changed.</summary>
    private static string Cell(MetricChange m)
    {
        if (m.Before is null && m.After is null)
        {
            return "–";
        }

        if (m.Before is null)
        {
            return "new: " + Rounding.Number(m.Metric, m.After!.Value);
        }

        if (m.After is null)
        {
            return Rounding.Number(m.Metric, m.Before.Value) + " → removed";
        }

        if (m.IsZero)
        {
            return Rounding.Number(m.Metric, m.After.Value);
        }

        string pct = m.Percent is { } p ? ", " + Rounding.ShowPercent(p) : "";
        return $"{Rounding.Number(m.Metric, m.Before.Value)} → **{Rounding.Number(m.Metric, m.After.Value)}** " +
            $"({Rounding.SignedNumber(m.Metric, m.Change)}{pct})";
    }

    private static string Code(string text) => "`" + DiffText.SafePath(text).Replace("`", "'", StringComparison.Ordinal)
        + "`";

    /// <summary>Escapes the characters that would change a table or add markup, so a campaign name stays
    /// text.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (ch is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            // '@' would mention a user or team in a pull-request comment.
            sb.Append(ch switch
            {
                '\n' or '\r' => " ",
                '@' => "&#64;",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }
}
