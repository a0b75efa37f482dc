using System.Globalization;
using System.Text;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Reporting;

/// <summary>
/// The <c>co2_eq_emissions</c> block of a Hugging Face model card's YAML metadata: <c>emissions</c> in
/// grams of CO2e (location-based, embodied included), <c>source</c>, <c>training_type</c>,
/// <c>geographical_location</c> and <c>hardware_used</c>. A campaign with models gets one block per
/// model, each a YAML document of its own (separated by <c>---</c>) that can be pasted into that
/// model's card; a campaign without models gets one block for its total.
/// </summary>
public static class HuggingFaceWriter
{
    public static string Write(FootprintReport report)
    {
        var documents = new List<string>();
        foreach (var c in report.Campaigns)
        {
            string file = c.File.Replace('\\', '/');
            var indexed = c.Bound.Lines.Select((line, i) => (Line: line, Figures: c.Lines[i].Figures)).ToList();
            if (c.Models.Count == 0)
            {
                documents.Add(Block($"Campaign \"{c.Name}\" ({file})", c, indexed));
                continue;
            }

            foreach (var m in c.Models)
            {
                var mine = indexed.Where(x => x.Line.Stage?.Model == m.Model).ToList();
                documents.Add(Block($"Campaign \"{c.Name}\", model \"{m.Model}\" ({file})", c, mine));
            }
        }

        return string.Join("---\n", documents);
    }

    private static string Block(
        string title, CampaignReport c, List<(BoundLine Line, Evaluation.Figures Figures)> lines)
    {
        double grams = lines.Sum(x => x.Figures.Co2eTotalKg) * 1000;
        var sb = new StringBuilder();
        sb.Append("# ").Append(Comment(title)).Append('\n');
        sb.Append("# Hugging Face model-card metadata; emissions in grams of CO2e, location-based, ")
            .Append("embodied included.\n");
        if (c.HasMarketBased)
        {
            double market = lines.Sum(x => x.Figures.Co2eMarketTotalKg) * 1000;
            sb.Append("# Market-based: ").Append(Grams(market)).Append(" g.\n");
        }

        sb.Append("co2_eq_emissions:\n");
        sb.Append("  emissions: ").Append(Grams(grams)).Append('\n');
        string source = c.Source is null
            ? "carbonc, from " + c.File.Replace('\\', '/')
            : c.Source + "; computed by carbonc";
        sb.Append("  source: ").Append(Quote(source)).Append('\n');
        if (TrainingType(lines.Select(x => x.Line)) is { } type)
        {
            sb.Append("  training_type: ").Append(Quote(type)).Append('\n');
        }

        var places = lines.Select(x => x.Line).OfType<BoundRun>().Select(r => Location(r.Site))
            .Distinct(StringComparer.Ordinal).ToList();
        if (places.Count > 0)
        {
            sb.Append("  geographical_location: ").Append(Quote(string.Join("; ", places))).Append('\n');
        }

        var hardware = Hardware(lines);
        if (hardware.Length > 0)
        {
            sb.Append("  hardware_used: ").Append(Quote(hardware)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Grams(double g) =>
        Math.Round(g, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>
    /// "pre-training" when any stage trains from scratch or continues pre-training; "fine-tuning" for
    /// post-training alone.
    /// </summary>
    private static string? TrainingType(IEnumerable<BoundLine> lines)
    {
        var kinds = lines.Select(l => l.Stage?.Kind).OfType<StageKind>().ToHashSet();
        if (kinds.Overlaps([StageKind.Pretraining, StageKind.Midtraining, StageKind.LongContext]))
        {
            return "pre-training";
        }

        return kinds.Any(Kinds.IsPostTraining) ? "fine-tuning" : null;
    }

    private static string Location(EntitySymbol site)
    {
        if (site.Properties.TryGetValue("location", out var p) && p.Expr.Value.Text is { Length: > 0 } text)
        {
            return text;
        }

        return site.Base?.Description ?? site.Name;
    }

    /// <summary>"NVIDIA A100 80 GB (184,320 GPU-hours)": one entry per hardware, in the order first used.</summary>
    private static string Hardware(List<(BoundLine Line, Evaluation.Figures Figures)> lines)
    {
        var hours = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, f) in lines)
        {
            // Only runs use hardware; an embodied line's hours are the same hardware's life, not more use of it.
            if ((line as BoundRun)?.Hardware is not { } hw)
            {
                continue;
            }

            string name = HardwareName(hw);
            if (!hours.ContainsKey(name))
            {
                order.Add(name);
                hours[name] = 0;
            }

            hours[name] += f.GpuHours;
        }

        return string.Join("; ", order.Select(n => hours[n] > 0 ? $"{n} ({Format.Fixed(hours[n], 0)} GPU-hours)" : n));
    }

    private static string HardwareName(EntitySymbol hw)
    {
        if (hw.Properties.TryGetValue("name", out var p) && p.Expr.Value.Text is { Length: > 0 } text)
        {
            return text;
        }

        return hw.Base is CatalogueEntry e ? e.Description : hw.Name;
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and every control character are escaped.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF':
                    sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(ch); break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text in a YAML comment: one line, nothing that could end it.</summary>
    private static string Comment(string text) =>
        new([.. text.Select(ch => char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\u0085' ? ' ' : ch)]);
}
