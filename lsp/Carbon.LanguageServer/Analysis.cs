using System.Globalization;
using Carbon.Compiler;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Syntax;

namespace Carbon.LanguageServer;

/// <summary>What an estimate belongs to, for its wording.</summary>
public enum EstimateOwner
{
    Campaign,
    Stage,
    Run,
    Embodied,
}

/// <summary>The figures of one block of the document, from the same evaluation the CLI's report uses.</summary>
public sealed record Estimate(BlockItem Block, EstimateOwner Owner, Figures Figures);

/// <summary>
/// One compilation of one document version: the compiler's diagnostics, and when it has no errors
/// the interpreted report and the figures of every campaign, stage, run and embodied block. Built
/// once per version and shared by every request about that version.
/// </summary>
public sealed class DocumentAnalysis
{
    private Dictionary<object, Estimate>? estimatesByBlock;

    private DocumentAnalysis(DocumentSnapshot snapshot, CarbonCompilation compilation, FootprintReport? report,
        IReadOnlyList<Estimate> estimates, string? projectDirectory)
    {
        Snapshot = snapshot;
        Compilation = compilation;
        Report = report;
        Estimates = estimates;
        ProjectDirectory = projectDirectory;
    }

    public DocumentSnapshot Snapshot { get; }

    public CarbonCompilation Compilation { get; }

    /// <summary>The report; null while the document (or an import) has errors.</summary>
    public FootprintReport? Report { get; }

    /// <summary>Estimates in source order.</summary>
    public IReadOnlyList<Estimate> Estimates { get; }

    /// <summary>Where imports are resolved from; null for documents that are not files.</summary>
    public string? ProjectDirectory { get; }

    public static DocumentAnalysis Create(DocumentSnapshot snapshot, DocumentStore store,
        IReadOnlyList<string> workspaceRoots)
    {
        CarbonCompilation compilation;
        string? project = null;
        if (snapshot.FilePath is { } path)
        {
            project = workspaceRoots.FirstOrDefault(r => IsInside(path, r)) ?? Path.GetDirectoryName(path);
            compilation = CarbonCompilation.Create(snapshot.Text, new OpenDocumentResolver(store, project ?? "."), project);
        }
        else
        {
            compilation = CarbonCompilation.Create(snapshot.Text);
        }

        var report = compilation.Interpret();
        return new DocumentAnalysis(snapshot, compilation, report,
            report is null ? [] : CollectEstimates(compilation, report), project);
    }

    /// <summary>The estimate of a block, if it has one.</summary>
    public Estimate? EstimateOf(BlockItem block)
    {
        estimatesByBlock ??= Estimates.ToDictionary(e => (object)e.Block, ReferenceEqualityComparer.Instance);
        return estimatesByBlock.GetValueOrDefault(block);
    }

    private static List<Estimate> CollectEstimates(CarbonCompilation compilation, FootprintReport report)
    {
        var model = compilation.Model;
        var estimates = new List<Estimate>();
        var lineFigures = new Dictionary<object, Figures>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < model.Campaigns.Count && i < report.Campaigns.Count; i++)
        {
            var bound = model.Campaigns[i];
            var reported = report.Campaigns[i];
            estimates.Add(new Estimate(bound.Syntax, EstimateOwner.Campaign, reported.Totals));
            for (int s = 0; s < bound.Stages.Count && s < reported.Stages.Count; s++)
            {
                estimates.Add(new Estimate(bound.Stages[s].Syntax, EstimateOwner.Stage, reported.Stages[s].Totals));
            }

            for (int j = 0; j < bound.Lines.Count && j < reported.Lines.Count; j++)
            {
                lineFigures[bound.Lines[j]] = reported.Lines[j].Figures;
            }
        }

        foreach (var (block, line) in model.LinesBySyntax)
        {
            if (lineFigures.TryGetValue(line, out var figures) && block.Kind is BlockKind.Run or BlockKind.Embodied)
            {
                estimates.Add(new Estimate(block,
                    block.Kind == BlockKind.Run ? EstimateOwner.Run : EstimateOwner.Embodied, figures));
            }
        }

        estimates.Sort((a, b) => a.Block.Span.Start.CompareTo(b.Block.Span.Start));
        return estimates;
    }

    private static bool IsInside(string path, string directory)
    {
        string rel = Path.GetRelativePath(directory, path);
        return rel != ".." && !rel.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
    }

    /// <summary>Reads imports from the editor's open documents first, so unsaved edits count, then from disk.</summary>
    /// <summary>
    /// Reads imports from the editor's open documents first, so unsaved edits count, then from disk
    /// through the command line's resolver: inside the project with links resolved, regular files only.
    /// </summary>
    private sealed class OpenDocumentResolver(DocumentStore store, string project) : ISourceResolver
    {
        private readonly Carbon.Cli.FileSystemResolver disk = new(project);

        public string? Read(string fullPath, out string error)
        {
            if (store.ByPath(fullPath) is { } open)
            {
                error = "";
                return open.RawText;
            }

            return disk.Read(fullPath, out error);
        }
    }
}

/// <summary>The short wording of estimates, e.g. <c>≈ 646.5 tCO2e · 2.51 ML</c>. Culture-invariant.</summary>
public static class EstimateText
{
    public static string Inline(Figures f) => "≈ " + Co2e(f.Co2eTotalKg) + " · " + Water(f.WaterTotalL);

    /// <summary>A Markdown table of a block's figures, for hovers and tooltips.</summary>
    public static string Details(Figures f)
    {
        var lines = new List<string>
        {
            "| | |",
            "|---|---|",
            "| GPU time | " + Scaled(f.GpuHours, "GPU·h") + " |",
            "| Energy (facility) | " + Energy(f.FacilityKwh) + " |",
            "| Energy (IT / accelerators) | " + Energy(f.ItKwh) + " / " + Energy(f.AcceleratorKwh) + " |",
            "| CO2e (location-based) | " + Co2e(f.Co2eTotalKg) + " |",
            "| of which operational / embodied | " + Co2e(f.Co2eOperationalKg) + " / " + Co2e(f.Co2eEmbodiedKg) + " |",
            "| Water consumed | " + Water(f.WaterTotalL) + " |",
            "| on-site / off-site / embodied | " + Water(f.WaterOnsiteL) + " / " + Water(f.WaterOffsiteL) +
                " / " + Water(f.WaterEmbodiedL) + " |",
        };
        if (f.WithdrawalL > 0)
        {
            lines.Add("| Water withdrawn on site | " +
                Water(f.WithdrawalL).Replace("L", "L_wd", StringComparison.Ordinal) + " |");
        }

        return string.Join('\n', lines);
    }

    public static string Co2e(double kg) => Pick(kg, [("kgCO2e", 1), ("tCO2e", 1e3), ("ktCO2e", 1e6), ("MtCO2e", 1e9)]);

    public static string Water(double litres) => Pick(litres, [("L", 1), ("kL", 1e3), ("ML", 1e6), ("GL", 1e9)]);

    public static string Energy(double kwh) => Pick(kwh, [("kWh", 1), ("MWh", 1e3), ("GWh", 1e6), ("TWh", 1e9)]);

    /// <summary>A number with three or four significant digits: 2.51, 64.7, 646.5, 12,345.</summary>
    public static string Number(double v)
    {
        if (!double.IsFinite(v))
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        double a = Math.Abs(v);
        string format = a == 0 ? "0" : a < 10 ? "0.##" : a < 1000 ? "0.#" : "#,0";
        return v.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Scaled(double v, string unit) => Number(v) + " " + unit;

    // The largest unit in which the value is at least 1, so 646,500 kg reads 646.5 tCO2e.
    private static string Pick(double v, (string Unit, double Factor)[] units)
    {
        var chosen = units[0];
        foreach (var u in units)
        {
            if (Math.Abs(v) >= u.Factor)
            {
                chosen = u;
            }
        }

        return Number(v / chosen.Factor) + " " + chosen.Unit;
    }
}
