using System.Text;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Reporting;

/// <summary>
/// The GitHub-flavoured Markdown report, for pull requests and READMEs: per campaign, a table of
/// stages and run kinds, the totals split by where they arise, the models and variants, the summary
/// ratios, and the constants used with their sources. Text from the campaign file is escaped, so a
/// name cannot break a table or inject HTML.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(FootprintReport report) => Format.Campaigns(report, WriteCampaign);

    private static void WriteCampaign(StringBuilder sb, CampaignReport c)
    {
        sb.Append("## Footprint of ").Append(Escape(c.Name)).Append("\n\n");
        sb.Append("- File: `").Append(Code(c.File.Replace('\\', '/'))).Append("`\n");
        if (c.Convention is not null)
        {
            sb.Append("- Convention: ").Append(Escape(c.Convention)).Append('\n');
        }

        if (c.Source is not null)
        {
            sb.Append("- Source: ").Append(Escape(c.Source)).Append('\n');
        }

        sb.Append("- Carbon basis: location-based")
            .Append(c.HasMarketBased ? ", and market-based where the sites state it" : "").Append("\n\n");

        WriteStages(sb, c);
        WriteKinds(sb, c);
        WriteTotals(sb, c);
        WriteModels(sb, c);
        WriteRatios(sb, c.Ratios);
        WriteConstants(sb, c);
    }

    private static void WriteStages(StringBuilder sb, CampaignReport c)
    {
        sb.Append("### By stage\n\n");
        var rows = new List<string[]>();
        foreach (var s in c.Stages)
        {
            string kind = Kinds.SourceName(s.Kind).Replace('_', ' ');
            string label = $"**{Escape(s.Name)}** ({kind}{ModelLabel(s.Model, s.Variant)})";
            rows.Add(Row(label, s.Totals, c.HasMarketBased));
            if (s.ByKind.Count > 1 || (s.ByKind.Count == 1 && s.ByKind[0].Kind != RunKind.Final))
            {
                rows.AddRange(s.ByKind.Select(k => Row("&emsp;" + k.Label, k.Totals, c.HasMarketBased)));
            }
        }

        foreach (var l in c.Lines.Where(l => l.Stage is null))
        {
            string label = l.Kind == RunKind.Embodied ? $"embodied: {Escape(l.Name)}" : Escape(l.Name);
            rows.Add(Row(label, l.Figures, c.HasMarketBased));
        }

        rows.Add(Row("**total**", c.Totals, c.HasMarketBased));
        Table(sb, Header("Stage", c.HasMarketBased), rows);
    }

    private static void WriteKinds(StringBuilder sb, CampaignReport c)
    {
        sb.Append("### By run kind\n\n");
        var rows = c.ByKind.Select(k => Row(k.Label, k.Totals, c.HasMarketBased)).ToList();
        Table(sb, Header("Run kind", c.HasMarketBased), rows);
    }

    private static string[] Header(string first, bool market) => market
        ? [first, "GPU-hours", "Facility energy (MWh)", "CO2e (t)", "CO2e market-based (t)", "Water consumed (kL)"]
        : [first, "GPU-hours", "Facility energy (MWh)", "CO2e (t)", "Water consumed (kL)"];

    private static string[] Row(string label, Figures f, bool market)
    {
        var cells = new List<string>
        {
            label,
            Format.Fixed(f.GpuHours, 0),
            Format.Fixed(f.FacilityKwh / 1000, 1),
            Format.Fixed(f.Co2eTotalKg / 1000, 1),
        };
        if (market)
        {
            cells.Add(Format.Fixed(f.Co2eMarketTotalKg / 1000, 1));
        }

        cells.Add(Format.Fixed(f.WaterTotalL / 1000, 1));
        return [.. cells];
    }

    private static void WriteTotals(StringBuilder sb, CampaignReport c)
    {
        var t = c.Totals;
        sb.Append("### Totals\n\n");
        List<string[]> rows =
        [
            ["GPU-hours", Format.Fixed(t.GpuHours, 0) + " GPU·h",
                "embodied charged on " + Format.Fixed(t.EmbodiedGpuHours, 0) + " GPU·h"],
            ["Energy, accelerator", Format.Fixed(t.AcceleratorKwh / 1000, 1) + " MWh", ""],
            ["Energy, IT", Format.Fixed(t.ItKwh / 1000, 1) + " MWh", "accelerator × server overhead"],
            ["Energy, facility", Format.Fixed(t.FacilityKwh / 1000, 1) + " MWh", "IT × PUE"],
            ["CO2e, operational", Format.Fixed(t.Co2eOperationalKg / 1000, 1) + " t", "location-based"],
            ["CO2e, embodied", Format.Fixed(t.Co2eEmbodiedKg / 1000, 1) + " t", "hardware manufacture"],
            ["CO2e, total", Format.Fixed(t.Co2eTotalKg / 1000, 1) + " t", "location-based"],
        ];
        if (c.HasMarketBased)
        {
            rows.Add(["CO2e, operational, market-based", Format.Fixed(t.Co2eMarketKg / 1000, 1) + " t", ""]);
            rows.Add(["CO2e, total, market-based", Format.Fixed(t.Co2eMarketTotalKg / 1000, 1) + " t",
                "with embodied"]);
        }

        rows.Add(["Water consumed, on site", Format.Fixed(t.WaterOnsiteL / 1000, 1) + " kL", "cooling"]);
        rows.Add(["Water consumed, off site", Format.Fixed(t.WaterOffsiteL / 1000, 1) + " kL",
            "electricity generation"]);
        rows.Add(["Water consumed, embodied", Format.Fixed(t.WaterEmbodiedL / 1000, 1) + " kL",
            "hardware manufacture"]);
        rows.Add(["Water consumed, total", Format.Fixed(t.WaterTotalL / 1000, 1) + " kL", ""]);
        rows.Add(["Water withdrawn, on site", Format.Fixed(t.WithdrawalL / 1000, 1) + " kL",
            "not added to consumption"]);
        Table(sb, ["Quantity", "Value", "Note"], rows, rightAligned: 1);
    }

    private static void WriteModels(StringBuilder sb, CampaignReport c)
    {
        if (c.Models.Count == 0)
        {
            return;
        }

        sb.Append("### By model\n\n");
        var rows = new List<string[]>();
        foreach (var m in c.Models)
        {
            rows.Add(Row("**" + Escape(m.Model) + "**", m.Totals, c.HasMarketBased));
            rows.AddRange(m.Variants.Select(v => Row("&emsp;" + Escape(v.Variant), v.Totals, c.HasMarketBased)));
        }

        Table(sb, Header("Model", c.HasMarketBased), rows);
    }

    private static void WriteRatios(StringBuilder sb, Ratios r)
    {
        sb.Append("### Ratios\n\n");
        sb.Append("- Final-run share of GPU-hours: ").Append(Format.Percent(r.FinalShareOfGpuHours)).Append('\n');
        sb.Append("- Final-run share of CO2e: ").Append(Format.Percent(r.FinalShareOfCo2e)).Append('\n');
        sb.Append("- Development multiplier: ").Append(MultiplierText(r)).Append('\n');
        sb.Append("- Post-training share of energy: ").Append(Format.Percent(r.PostTrainingShareOfEnergy))
            .Append('\n');
        foreach (var v in r.ReasoningOverInstruct)
        {
            sb.Append("- ").Append(Escape(v.Model)).Append(' ').Append(Escape(v.Reasoning)).Append(" ÷ ")
                .Append(Escape(v.Instruct)).Append(" post-training energy: ").Append(Format.Fixed(v.Ratio, 1))
                .Append('\n');
        }

        sb.Append('\n');
    }

    /// <summary>"5.61 (GPU-hours, (final + development) ÷ final)", or "n/a".</summary>
    internal static string MultiplierText(Ratios r)
    {
        if (r.DevelopmentMultiplier is not { } m)
        {
            return "n/a";
        }

        string basis = r.DevelopmentMultiplierBasis == "gpuHours" ? "GPU-hours" : "facility energy";
        return $"{Format.Fixed(m, 2)} ({basis}, (final + development) ÷ final)";
    }

    private static void WriteConstants(StringBuilder sb, CampaignReport c)
    {
        sb.Append("### Constants and sources\n\n");
        if (c.Constants.Count == 0)
        {
            sb.Append("No constants were used.\n");
            return;
        }

        var rows = c.Constants.Select(k => new[]
        {
            "`" + Code(k.Name) + "`",
            Escape(k.Value),
            k.Origin,
            Escape(k.Source),
            Escape(k.Year),
            k.Status is { } s ? JsonReportWriter.StatusName(s) : "",
        }).ToList();
        Table(sb, ["Constant", "Value", "Origin", "Source", "Year", "Status"], rows, rightAligned: 1);
        int defaults = c.Constants.Count(k => k.Origin == "default");
        sb.Append("Origin: *stated* in the file, taken from the *catalogue*, or a *default* the file did not state");
        sb.Append(defaults > 0 ? $" ({defaults} used here: check them).\n" : ".\n");
    }

    private static string ModelLabel(string? model, string? variant) =>
        model is null ? "" : ", " + Escape(model) + (variant is null ? "" : " " + Escape(variant));

    /// <summary>Writes a table whose numeric columns (all but the first, unless told) are right-aligned.</summary>
    private static void Table(StringBuilder sb, string[] header, List<string[]> rows, int rightAligned = -1)
    {
        sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        sb.Append('|');
        for (int i = 0; i < header.Length; i++)
        {
            bool right = rightAligned < 0 ? i > 0 : i == rightAligned;
            sb.Append(right ? " ---: |" : " --- |");
        }

        sb.Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        sb.Append('\n');
    }

    /// <summary>
    /// Escapes text from the campaign file for Markdown: every character that could start emphasis, a
    /// link, code, a table cell, an entity or raw HTML is backslash-escaped, and line breaks become spaces.
    /// </summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (char.IsControl(ch))
            {
                sb.Append(' ');
            }
            else if ("\\`*_[]<>|&~".Contains(ch, StringComparison.Ordinal))
            {
                sb.Append('\\').Append(ch);
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>Text inside a code span: backticks and pipes cannot be escaped there, so they are replaced.</summary>
    private static string Code(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            sb.Append(ch switch
            {
                '`' => '\'',
                '|' => '/',
                _ when char.IsControl(ch) => ' ',
                _ => ch,
            });
        }

        return sb.ToString();
    }
}
