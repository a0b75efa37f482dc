using System.Globalization;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Reporting;

/// <summary>Builds the report model from bound campaigns and the figures of their lines.</summary>
public static class ReportBuilder
{
    private static readonly string[] ReasoningNames = ["think", "thinking", "reasoning", "reasoner", "r1"];
    private static readonly string[] InstructNames = ["instruct", "chat", "it"];

    public static FootprintReport Build(IReadOnlyList<BoundCampaign> campaigns,
        IReadOnlyList<IReadOnlyList<Figures>> figures)
    {
        var reports = new List<CampaignReport>();
        for (int i = 0; i < campaigns.Count; i++)
        {
            reports.Add(Campaign(campaigns[i], figures[i]));
        }

        return new FootprintReport(reports);
    }

    private static CampaignReport Campaign(BoundCampaign c, IReadOnlyList<Figures> figures)
    {
        var lines = c.Lines.Select((l, i) =>
        {
            var p = c.Source.GetPosition(l.Span.Start);
            return new LineReport(l.Name, l.Kind, l.Stage?.Name, p.Line, p.Column, (l as BoundRun)?.PowerBasis,
                figures[i]);
        }).ToList();
        var stageFigures = c.Lines.Select((l, i) => (l, f: figures[i])).ToList();
        var byStage = stageFigures.Where(x => x.l.Stage is not null).ToLookup(x => x.l.Stage!,
            ReferenceEqualityComparer.Instance);
        var stages = c.Stages.Select(s =>
        {
            var mine = byStage[s].ToList();
            return new StageReport(
                s.Name, s.Kind, s.Model, s.Variant, c.Source.GetPosition(s.Syntax.Span.Start).Line,
                Figures.Sum(mine.Select(x => x.f)), ByKind(mine));
        }).ToList();
        var totals = Figures.Sum(figures);
        var models = Models(stageFigures);
        return new CampaignReport(
            c.Name, c.Source.Path, c.Convention, c.SourceNote, c.HasMarketBased, totals, ByKind(stageFigures), stages,
            models, lines,
            ComputeRatios(c, stageFigures, totals, models), Constants(c), c);
    }

    private static List<KindTotals> ByKind(IEnumerable<(BoundLine l, Figures f)> lines) =>
        [.. lines.GroupBy(x => x.l.Kind).OrderBy(g => g.Key)
            .Select(g => new KindTotals(g.Key, Figures.Sum(g.Select(x => x.f))))];

    // GroupBy keeps the order in which keys first appear, so models and variants come in source order.
    private static List<ModelReport> Models(List<(BoundLine l, Figures f)> lines)
    {
        var withModel = lines.Where(x => x.l.Stage?.Model is not null).ToList();
        return [.. withModel
            .GroupBy(x => x.l.Stage!.Model!, StringComparer.Ordinal)
            .Select(g => new ModelReport(
                g.Key,
                Figures.Sum(g.Select(x => x.f)),
                [.. g.Where(x => x.l.Stage!.Variant is not null)
                    .GroupBy(x => x.l.Stage!.Variant!, StringComparer.Ordinal)
                    .Select(v => new VariantReport(
                        v.Key,
                        Figures.Sum(v.Select(x => x.f)),
                        v.Where(x => Kinds.IsPostTraining(x.l.Stage!.Kind)).Sum(x => x.f.FacilityKwh)))]))];
    }

    private static Ratios ComputeRatios(BoundCampaign c, List<(BoundLine l, Figures f)> lines, Figures totals,
        List<ModelReport> models)
    {
        var final = Figures.Sum(lines.Where(x => x.l.Kind == RunKind.Final).Select(x => x.f));
        var development = Figures.Sum(lines.Where(x => x.l.Kind == RunKind.Development).Select(x => x.f));
        double? finalShareGpu = final.GpuHours + development.GpuHours > 0 ? final.GpuHours / (final.GpuHours
            + development.GpuHours) : null;
        double? finalShareCo2e = totals.Co2eTotalKg > 0 ? final.Co2eOperationalKg / totals.Co2eTotalKg : null;
        double? multiplier;
        string basis;
        if (final.GpuHours > 0 && (development.GpuHours > 0 || development.FacilityKwh == 0))
        {
            multiplier = (final.GpuHours + development.GpuHours) / final.GpuHours;
            basis = "gpuHours";
        }
        else if (final.FacilityKwh > 0)
        {
            multiplier = (final.FacilityKwh + development.FacilityKwh) / final.FacilityKwh;
            basis = "facilityEnergy";
        }
        else
        {
            multiplier = null;
            basis = "none";
        }

        double post = lines.Where(x => x.l.Stage is { } s && Kinds.IsPostTraining(s.Kind)).Sum(x => x.f.FacilityKwh);
        double? postShare = totals.FacilityKwh > 0 && c.Stages.Any(s => Kinds.IsPostTraining(s.Kind))
            ? post / totals.FacilityKwh : null;
        var variantRatios = new List<VariantRatio>();
        foreach (var m in models)
        {
            var reasoning = m.Variants.FirstOrDefault(v => ReasoningNames.Contains(v.Variant.ToLowerInvariant()));
            var instruct = m.Variants.FirstOrDefault(v => InstructNames.Contains(v.Variant.ToLowerInvariant()));
            if (reasoning is not null && instruct is not null && instruct.PostTrainingFacilityKwh > 0)
            {
                variantRatios.Add(new VariantRatio(m.Model, reasoning.Variant, instruct.Variant,
                    reasoning.PostTrainingFacilityKwh / instruct.PostTrainingFacilityKwh));
            }
        }

        return new Ratios(finalShareGpu, finalShareCo2e, multiplier, basis, postShare, variantRatios);
    }

    private static List<ConstantUse> Constants(BoundCampaign c)
    {
        var uses = new List<ConstantUse>();

        // The catalogue constants a site or hardware line already shows, so that they are not listed twice.
        var listed = new HashSet<Constant>();
        foreach (var e in c.Entities.OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var p in e.Properties.Values.Where(p => p.Expr.Value.Sort == ValueSort.Quantity)
                .OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                string name = $"{e.Name}.{p.Name}";
                string value = Show(p.Expr.Value, p.Name);
                switch (p.Origin)
                {
                    case PropertyOrigin.Stated:
                        var pos = e.Source!.GetPosition(p.Syntax!.Span.Start);
                        if (ConstantIn(p.Expr) is { } inner)
                        {
                            listed.Add(inner);
                        }

                        string via = ConstantIn(p.Expr) is { } k ? $"; catalogue {k.Key}: {k.Source}" : "";
                        uses.Add(new ConstantUse(name, value, "stated",
                            $"{e.Source.Path}({pos.Line},{pos.Column}){via}", ConstantIn(p.Expr)?.Year ?? "",
                            ConstantIn(p.Expr)?.Status));
                        break;
                    default:
                        var k2 = p.Constant!;
                        listed.Add(k2);
                        string origin = p.Origin == PropertyOrigin.Default ? "default" : "catalogue";
                        string where = p.Origin == PropertyOrigin.Catalogue ? $"catalogue {e.Base?.Name}: {k2.Source}"
                            : k2.Source;
                        uses.Add(new ConstantUse(name, value, origin, where, k2.Year, k2.Status));
                        break;
                }
            }
        }

        foreach (var k in c.ConstantsUsed.Where(k => !k.Key.StartsWith("default.", StringComparison.Ordinal)
            && !k.Key.StartsWith("hardware.", StringComparison.Ordinal)).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (listed.Contains(k) || uses.Any(u => u.Source.Contains("catalogue " + k.Key + ":",
                StringComparison.Ordinal)))
            {
                continue;
            }

            uses.Add(new ConstantUse(k.Key, k.DisplayValue.Length == 0 ? Format.Number(k.Value, 3) : k.DisplayValue,
                "catalogue", k.Source, k.Year, k.Status));
        }

        return uses;
    }

    private static Constant? ConstantIn(BoundExpr e) => e switch
    {
        BoundConstantRef c => c.Constant,
        BoundLetRef l => ConstantIn(l.Let.Bound!),

        // A property set from another site's or hardware's property: follow it to its catalogue constant.
        BoundPropertyRef r => r.Property.Origin == PropertyOrigin.Stated ? ConstantIn(r.Property.Expr)
            : r.Property.Constant,
        _ => null,
    };

    /// <summary>A property's value in the unit people read it in.</summary>
    internal static string Show(Value v, string property)
    {
        double n = v.Number;
        var d = v.Dimension;
        if (d.IsDimensionless)
        {
            return property is "gpu_share_of_it" or "utilisation" ? Format.Number(n * 100, 2) + " %"
                : Format.Number(n, 4);
        }

        if (d == Dimension.PowerPerAccelerator)
        {
            return Format.Number(n * 1000, 1) + " W/GPU";
        }

        if (d == Dimension.Time)
        {
            return Format.Number(n / 8760, 2) + " yr";
        }

        return Format.Number(n, 6) + " " + d.ToUnitString();
    }
}

/// <summary>Culture-invariant number formatting shared by every writer.</summary>
public static class Format
{
    public static string Number(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (r == 0)
        {
            r = 0; // no "-0"
        }

        return r.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    public static string Fixed(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (r == 0)
        {
            r = 0;
        }

        return r.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>For JSON: no grouping, at most <paramref name="decimals"/> decimals.</summary>
    public static string Json(double v, int decimals = 3)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        if (r == 0)
        {
            r = 0;
        }

        return r.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>The text reports: each campaign written in turn, a blank line between two.</summary>
    internal static string Campaigns(FootprintReport report, Action<System.Text.StringBuilder, CampaignReport> write)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in report.Campaigns)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            write(sb, c);
        }

        return sb.ToString();
    }

    public static string Percent(double? share) => share is null ? "n/a" : Fixed(share.Value * 100, 1) + " %";
}
