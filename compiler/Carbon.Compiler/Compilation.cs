using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Execution;
using Carbon.Compiler.Lowering;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler;

/// <summary>
/// Reads imported files for the compiler, which does no I/O itself. Paths are absolute and already
/// checked to lie inside the project directory.
/// </summary>
public interface ISourceResolver
{
    /// <summary>The text of the file, or null with a reason why it cannot be read.</summary>
    string? Read(string fullPath, out string error);
}

/// <summary>The result of running a campaign file: its report, or the diagnostics that stopped it.</summary>
public sealed record RunResult(FootprintReport? Report, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Report is not null;
}

/// <summary>
/// One compilation of a campaign file and its imports: parse, bind and check, then either interpret
/// (the language server) or lower to C#, compile and run (the command line). Nothing is emitted or
/// run while an error exists.
/// </summary>
public sealed class CarbonCompilation
{
    private readonly DiagnosticBag diagnostics;

    private CarbonCompilation(SourceText root, SemanticModel model, DiagnosticBag diagnostics)
    {
        Root = root;
        Model = model;
        this.diagnostics = diagnostics;
    }

    public SourceText Root { get; }

    public SemanticModel Model { get; }

    public CompilationUnit Syntax => Model.Files[0].Syntax;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics.Items;

    public bool HasErrors => diagnostics.HasErrors;

    /// <summary>
    /// Compiles <paramref name="root"/>. Imports are resolved relative to the importing file and must
    /// stay inside <paramref name="projectDirectory"/> (by default the root file's directory).
    /// </summary>
    /// <param name="root">The root file; its <see cref="SourceText.Path"/> is how messages name it.</param>
    /// <param name="resolver">Reads imports; without one, imports are an error.</param>
    /// <param name="projectDirectory">The directory imports must stay inside.</param>
    /// <param name="rootFullPath">Where the root file really is, when its shown path is not relative to
    /// the working directory (the language server and tests show paths of their own).</param>
    public static CarbonCompilation Create(
        SourceText root, ISourceResolver? resolver = null, string? projectDirectory = null, string? rootFullPath = null)
    {
        var diagnostics = new DiagnosticBag();
        var model = new SemanticModel();
        var rootUnit = Parser.Parse(root, diagnostics);
        model.Files.Add(new ParsedFile(root, rootUnit, IsImport: false));
        if (resolver is not null)
        {
            string rootPath = Path.GetFullPath(rootFullPath ?? root.Path);
            string project = Path.GetFullPath(projectDirectory ?? Path.GetDirectoryName(rootPath) ?? ".");
            string shownDirectory = Path.GetDirectoryName(root.Path) ?? "";
            var imports = new ImportLoader(resolver, project, shownDirectory, diagnostics, model);
            imports.Load(root, rootUnit, rootPath, [rootPath], 1);
        }
        else
        {
            foreach (var import in rootUnit.Items.OfType<ImportItem>())
            {
                diagnostics.Report(DiagnosticCatalog.ImportNotFound, root, import.Path.Span, import.Path.Value,
                    "imports are not available here.");
            }
        }

        if (!diagnostics.Items.Any(d => d.Code.StartsWith("CB9", StringComparison.Ordinal)))
        {
            new Binder(diagnostics, model).Bind(model.Files);
        }

        return new CarbonCompilation(root, model, diagnostics);
    }

    /// <summary>The C# program the campaigns lower to; null while errors exist.</summary>
    public string? EmitCSharp() => HasErrors ? null : CSharpLowering.Lower(Model.Campaigns, Model.ValueOrder);

    /// <summary>Evaluates the campaigns without generating code: the fast path of the language server.</summary>
    public FootprintReport? Interpret()
    {
        if (HasErrors)
        {
            return null;
        }

        var figures = Model.Campaigns.Select(c => (IReadOnlyList<Figures>)Interpreter.Evaluate(c)).ToList();
        var nonFinite = CheckFinite(figures);
        if (nonFinite.HasErrors)
        {
            // The same refusal as Run's: report writers cannot write infinity or NaN, and the two
            // paths must agree on what they accept.
            diagnostics.AddRange(nonFinite.Items);
            return null;
        }

        return ReportBuilder.Build(Model.Campaigns, figures);
    }

    private DiagnosticBag CheckFinite(IReadOnlyList<IReadOnlyList<Figures>> figures)
    {
        var bag = new DiagnosticBag();
        for (int i = 0; i < Model.Campaigns.Count; i++)
        {
            var campaign = Model.Campaigns[i];
            for (int j = 0; j < campaign.Lines.Count; j++)
            {
                if (!figures[i][j].IsFinite)
                {
                    bag.Report(DiagnosticCatalog.NonFiniteResult, campaign.Source, campaign.Lines[j].Span,
                        campaign.Lines[j].Name);
                }
            }
        }

        return bag;
    }

    /// <summary>Lowers to C#, compiles it in memory, runs it and builds the report from what it returns.</summary>
    public RunResult Run(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (HasErrors)
        {
            return new RunResult(null, Diagnostics);
        }

        string code = CSharpLowering.Lower(Model.Campaigns, Model.ValueOrder);
        var execution = InMemoryCompiler.CompileAndRun(code, Model.Campaigns.Count, timeout
            ?? InMemoryCompiler.DefaultTimeout, cancellationToken);
        var all = Diagnostics.Concat(execution.Diagnostics).ToList();
        if (execution.Lines is null)
        {
            return new RunResult(null, all);
        }

        var figures = execution.Lines.Select(c => (IReadOnlyList<Figures>)[.. c.Select(Figures.FromArray)]).ToList();
        var bag = CheckFinite(figures);
        if (bag.HasErrors)
        {
            return new RunResult(null, [.. all, .. bag.Items]);
        }

        return new RunResult(ReportBuilder.Build(Model.Campaigns, figures), all);
    }

    /// <summary>
    /// Loads imports depth-first. Imported files are shown by a path relative to the root file's path
    /// as the user gave it, so their diagnostics read like the root file's.
    /// </summary>
    private sealed class ImportLoader(
        ISourceResolver resolver, string project, string shownDirectory, DiagnosticBag diagnostics, SemanticModel model)
    {
        private readonly HashSet<string> loaded = new(StringComparer.Ordinal);

        public void Load(SourceText source, CompilationUnit unit, string path, List<string> chain, int depth)
        {
            foreach (var import in unit.Items.OfType<ImportItem>())
            {
                string dir = Path.GetDirectoryName(path) ?? project;
                string target = Path.GetFullPath(Path.Combine(dir, import.Path.Value));
                if (!IsInside(target, project) || Path.IsPathRooted(import.Path.Value))
                {
                    diagnostics.Report(DiagnosticCatalog.ImportOutsideProject, source, import.Path.Span,
                        import.Path.Value);
                    continue;
                }

                if (chain.Contains(target))
                {
                    diagnostics.Report(DiagnosticCatalog.ImportCycle, source, import.Path.Span, import.Path.Value);
                    continue;
                }

                if (depth > Limits.MaxImportDepth)
                {
                    diagnostics.Report(DiagnosticCatalog.ImportTooDeep, source, import.Path.Span,
                        Limits.MaxImportDepth);
                    continue;
                }

                if (!loaded.Add(target))
                {
                    continue;
                }

                string? text = resolver.Read(target, out string error);
                if (text is null)
                {
                    diagnostics.Report(DiagnosticCatalog.ImportNotFound, source, import.Path.Span, import.Path.Value,
                        error);
                    continue;
                }

                string rootDirectory = Path.GetDirectoryName(chain[0]) ?? project;
                string shown = Path.Combine(shownDirectory, Path.GetRelativePath(rootDirectory, target))
                    .Replace('\\', '/');
                var imported = new SourceText(shown, text);
                var importedUnit = Parser.Parse(imported, diagnostics);
                model.Files.Add(new ParsedFile(imported, importedUnit, IsImport: true));
                Load(imported, importedUnit, target, [.. chain, target], depth + 1);
            }
        }

        private static bool IsInside(string path, string directory)
        {
            string rel = Path.GetRelativePath(directory, path);
            return rel != ".." && !rel.StartsWith("../", StringComparison.Ordinal) && !rel.StartsWith("..\\",
                StringComparison.Ordinal)
                && !Path.IsPathRooted(rel);
        }
    }
}
