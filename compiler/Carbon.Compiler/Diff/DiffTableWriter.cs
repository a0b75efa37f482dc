using System.Text;

namespace Carbon.Compiler.Diff;

/// <summary>
/// The terminal form of a diff: one block per file, then per campaign a row per metric with before, after,
/// change and change in percent; changed stages and run kinds follow, unchanged ones are counted.
/// </summary>
public static class DiffTableWriter
{
    public static string Write(DiffDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("Footprint diff: ").Append(doc.Base.Label).Append(" -> ").Append(doc.Head.Label).Append('\n');
        if (doc.Files.Count == 0)
        {
            sb.Append("\nNo .carbon files at either revision.\n");
        }

        var rows = new List<string[]>();
        foreach (var f in doc.Files)
        {
            rows.Add([]);
            rows.Add(["file " + DiffText.SafePath(f.Path) + ": " + DiffText.FileStatus(f, doc)]);
            if (f.Status == ChangeStatus.Unchanged)
            {
                continue;
            }

            foreach (var c in f.Campaigns)
            {
                rows.Add(["  campaign \"" + c.Name + "\" (" + DiffText.Status(c.Status) + ")", "before", "after",
                    "change", "%"]);
                AddMetrics(rows, c.Totals, "    ");
                foreach (var s in c.Stages.Where(s => s.Status != ChangeStatus.Unchanged))
                {
                    string old = s.OldName is null ? "" : $" from {s.OldName}";
                    rows.Add([$"  stage {s.Name} ({DiffText.Status(s.Status)}{old})"]);
                    AddMetrics(rows, s.Metrics, "    ");
                }

                foreach (var k in c.Kinds.Where(k => k.Status != ChangeStatus.Unchanged))
                {
                    rows.Add([$"  run kind {k.Kind} ({DiffText.Status(k.Status)})"]);
                    AddMetrics(rows, k.Metrics, "    ");
                }

                int same = c.Stages.Count(s => s.Status == ChangeStatus.Unchanged);
                if (same > 0 && c.Status != ChangeStatus.Unchanged)
                {
                    rows.Add([$"  {same} stage{(same == 1 ? "" : "s")} unchanged"]);
                }
            }
        }

        rows.Add([]);
        rows.Add(["all files", "before", "after", "change", "%"]);
        AddMetrics(rows, doc.Totals, "  ");
        Render(sb, rows);
        if (doc.Budgets.Count > 0)
        {
            sb.Append("\nBudgets:\n");
            foreach (var b in doc.Budgets)
            {
                sb.Append("  ").Append(DiffText.BudgetLine(b)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static void AddMetrics(List<string[]> rows, MetricSet set, string indent)
    {
        foreach (var m in set.Items)
        {
            rows.Add([
                indent + Rounding.Label(m.Metric),
                m.Before is { } b ? Rounding.Number(m.Metric, b) : "-",
                m.After is { } a ? Rounding.Number(m.Metric, a) : "-",
                Rounding.SignedNumber(m.Metric, m.Change),
                m.Percent is { } p ? Rounding.ShowPercent(p) : "-",
            ]);
        }
    }

    private static void Render(StringBuilder sb, List<string[]> rows)
    {
        // Headings and blank lines (fewer than five cells) do not widen the label column.
        var full = rows.Where(r => r.Length == 5).ToList();
        int[] widths = [.. Enumerable.Range(0, 5).Select(i => full.Count == 0 ? 0 : full.Max(r => r[i].Length))];
        foreach (var row in rows)
        {
            if (row.Length < 5)
            {
                sb.Append(row.Length == 0 ? "" : row[0]).Append('\n');
                continue;
            }

            var line = new StringBuilder(row[0].PadRight(widths[0]));
            for (int i = 1; i < 5; i++)
            {
                line.Append("  ").Append(row[i].PadLeft(widths[i]));
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}

/// <summary>Words shared by the diff writers.</summary>
internal static class DiffText
{
    /// <summary>
    /// A file path as output shows it: control and bidirectional characters become '?', so a file
    /// name cannot start a new line, a workflow command or a Markdown block in a CI log or comment.
    /// </summary>
    public static string SafePath(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length);
        foreach (char c in path)
        {
            bool unsafeChar = char.IsControl(c) || c is '\u2028' or '\u2029' || Parsing.Scanner.IsBidiControl(c);
            sb.Append(unsafeChar ? '?' : c);
        }

        return sb.ToString();
    }

    public static string Status(ChangeStatus s) => s switch
    {
        ChangeStatus.Unchanged => "unchanged",
        ChangeStatus.Changed => "changed",
        ChangeStatus.Added => "added",
        ChangeStatus.Removed => "removed",
        ChangeStatus.Renamed => "renamed",
        _ => "incomplete",
    };

    public static string JsonStatus(ChangeStatus s) => Status(s);

    public static string FileStatus(FileDiff f, DiffDocument doc)
    {
        if (f.Status != ChangeStatus.Incomplete)
        {
            return f.OldPath is null ? Status(f.Status) : $"renamed from {SafePath(f.OldPath)}";
        }

        var sides = new List<string>();
        if (!f.BaseCompiled)
        {
            sides.Add(doc.Base.Label);
        }

        if (!f.HeadCompiled)
        {
            sides.Add(doc.Head.Label);
        }

        return "does not compile at " + string.Join(" and at ", sides) + "; figures of that side are missing";
    }

    public static string BudgetLine(BudgetNote b) =>
        b.Line > 0 ? $"{b.File}({b.Line},{b.Column}): {b.Level} {b.Code}: {b.Message}"
            : $"{b.File}: {b.Level} {b.Code}: {b.Message}";
}
