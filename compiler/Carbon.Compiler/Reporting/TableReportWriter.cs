using System.Text;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Reporting;

/// <summary>
/// The terminal report: stages and run kinds as rows; GPU-hours, facility energy (MWh), CO2e (t) and
/// water (kL) as columns; then the totals by run kind, the ratios, and the constants with sources.
/// </summary>
public static class TableReportWriter
{
    private static readonly string[] Header = ["", "GPU-hours", "Energy MWh", "CO2e t", "Water kL"];

    public static string Write(FootprintReport report) => Format.Campaigns(report, WriteCampaign);

    private static void WriteCampaign(StringBuilder sb, CampaignReport c)
    {
        sb.Append("Campaign \"").Append(c.Name).Append("\" (").Append(c.File.Replace('\\', '/')).Append(")\n");
        if (c.Convention is not null)
        {
            sb.Append("Convention: ").Append(c.Convention).Append('\n');
        }

        sb.Append('\n');
        var rows = new List<string[]> { Header };
        foreach (var s in c.Stages)
        {
            string label =
                $"{s.Name} ({Kinds.SourceName(s.Kind).Replace('_', ' ')}" +
                $"{(s.Model is null ? "" : ", " + s.Model)}{(s.Variant is null ? "" : " " + s.Variant)})";
            rows.Add(Row(label, s.Totals));
            if (s.ByKind.Count > 1 || (s.ByKind.Count == 1 && s.ByKind[0].Kind != RunKind.Final))
            {
                rows.AddRange(s.ByKind.Select(k => Row("  " + k.Label, k.Totals)));
            }
        }

        foreach (var l in c.Lines.Where(l => l.Stage is null))
        {
            rows.Add(Row(l.Kind == RunKind.Embodied ? $"embodied: {l.Name}" : l.Name, l.Figures));
        }

        rows.Add(Rule());
        rows.Add(["by run kind", "", "", "", ""]);
        rows.AddRange(c.ByKind.Select(k => Row("  " + k.Label, k.Totals)));
        rows.Add(Rule());
        rows.Add(Row("total", c.Totals));
        Render(sb, rows);

        var t = c.Totals;
        sb.Append('\n');
        sb.Append("Energy: accelerator ").Append(Format.Fixed(t.AcceleratorKwh / 1000, 1)).Append(" MWh, IT ")
            .Append(Format.Fixed(t.ItKwh / 1000, 1)).Append(" MWh, facility ")
            .Append(Format.Fixed(t.FacilityKwh / 1000, 1)).Append(" MWh\n");
        sb.Append("CO2e: operational ").Append(Format.Fixed(t.Co2eOperationalKg / 1000, 1)).Append(" t, embodied ")
            .Append(Format.Fixed(t.Co2eEmbodiedKg / 1000, 1)).Append(" t, total ")
            .Append(Format.Fixed(t.Co2eTotalKg / 1000, 1)).Append(" t (location-based)\n");
        if (c.HasMarketBased)
        {
            sb.Append("CO2e market-based: operational ").Append(Format.Fixed(t.Co2eMarketKg / 1000, 1))
                .Append(" t, total ")
                .Append(Format.Fixed(t.Co2eMarketTotalKg / 1000, 1)).Append(" t\n");
        }

        sb.Append("Water consumed: on-site ").Append(Format.Fixed(t.WaterOnsiteL / 1000, 1)).Append(" kL, off-site ")
            .Append(Format.Fixed(t.WaterOffsiteL / 1000, 1)).Append(" kL, embodied ")
            .Append(Format.Fixed(t.WaterEmbodiedL / 1000, 1))
            .Append(" kL, total ").Append(Format.Fixed(t.WaterTotalL / 1000, 1)).Append(" kL\n");
        if (t.WithdrawalL > 0)
        {
            sb.Append("Water withdrawn on site: ").Append(Format.Fixed(t.WithdrawalL / 1000, 1))
                .Append(" kL (not added to consumption)\n");
        }

        var r = c.Ratios;
        sb.Append('\n');
        sb.Append("Final-run share: ").Append(Format.Percent(r.FinalShareOfGpuHours)).Append(" of GPU-hours, ")
            .Append(Format.Percent(r.FinalShareOfCo2e)).Append(" of CO2e\n");
        sb.Append("Development multiplier: ").Append(r.DevelopmentMultiplier is { } m ? Format.Fixed(m, 2) + "x"
            : "n/a")
            .Append(r.DevelopmentMultiplier is null ? ""
            : $" ({(r.DevelopmentMultiplierBasis == "gpuHours" ? "GPU-hours" : "facility energy")}, (final + " +
            $"development) / final)").Append('\n');
        if (r.PostTrainingShareOfEnergy is { } pt)
        {
            sb.Append("Post-training share of energy: ").Append(Format.Percent(pt)).Append('\n');
        }

        foreach (var v in r.ReasoningOverInstruct)
        {
            sb.Append(v.Model + " " + v.Reasoning + " / " + v.Instruct + " post-training energy: ")
                .Append(Format.Fixed(v.Ratio, 1)).Append("x\n");
        }

        if (c.Constants.Count > 0)
        {
            sb.Append('\n').Append("Constants used:\n");
            var crows = c.Constants.Select(k => new[] { "  " + k.Name, k.Value, k.Origin, k.Source
                + (k.Year.Length > 0 ? $" ({k.Year})" : "") }).ToList();
            RenderLeft(sb, crows);
        }
    }

    private static string[] Row(string label, Figures f) =>
    [
        label,
        Format.Fixed(f.GpuHours, 0),
        Format.Fixed(f.FacilityKwh / 1000, 1),
        Format.Fixed(f.Co2eTotalKg / 1000, 1),
        Format.Fixed(f.WaterTotalL / 1000, 1),
    ];

    private static string[] Rule() => ["-", "-", "-", "-", "-"];

    private static void Render(StringBuilder sb, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Where(r => r[0] != "-").Max(r => r[i].Length))
            .ToArray();
        foreach (var row in rows)
        {
            if (row[0] == "-")
            {
                sb.Append(new string('-', widths.Sum() + (2 * (widths.Length - 1)))).Append('\n');
                continue;
            }

            var line = new StringBuilder(row[0].PadRight(widths[0]));
            for (int i = 1; i < row.Length; i++)
            {
                line.Append("  ").Append(row[i].PadLeft(widths[i]));
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    private static void RenderLeft(StringBuilder sb, List<string[]> rows)
    {
        int n = rows[0].Length;
        var widths = Enumerable.Range(0, n).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            for (int i = 0; i < n; i++)
            {
                sb.Append(i == n - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            sb.Append('\n');
        }
    }
}
