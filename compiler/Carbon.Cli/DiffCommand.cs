using Carbon.Compiler;
using Carbon.Compiler.Budgets;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Diff;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Cli;

/// <summary>The options of <c>carbonc diff</c>.</summary>
internal sealed record DiffOptions(
    string Base,
    string? Head,
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    string? Repo,
    string? ProjectDir,
    IReadOnlyList<string> Budgets,
    string? DiagnosticFormat,
    string? Sarif);

/// <summary>
/// <c>carbonc diff BASE [HEAD]</c>: compiles every .carbon file at both revisions (HEAD defaults to the working
/// tree), reading past revisions from git without touching the working tree, the index or any ref; writes the
/// diff; checks all budgets, change budgets against BASE. Exit codes as for <c>check</c>: 2 when a file does not
/// compile at HEAD or git fails, 1 when an error budget is crossed, 0 otherwise.
/// </summary>
internal static class DiffCommand
{
    public static int Run(DiffOptions o, TextWriter stdout, TextWriter stderr)
    {
        // Workflow commands go to standard output unless the diff itself does.
        var annotations = o.Output is null ? stderr : stdout;
        var sink = new DiagnosticSink(DiagnosticSink.Choose(o.DiagnosticFormat), annotations, stderr);
        int exit;
        try
        {
            exit = Execute(o, sink, stdout, stderr);
        }
        catch (GitException ex)
        {
            sink.Error(ex.Descriptor, ex.Args);
            exit = Output.InputErrors;
        }

        return sink.Finish(stdout, o.Sarif, []) ? exit : Output.InputErrors;
    }

    private sealed record Side(string Label, string? Commit, IReadOnlyDictionary<string, TreeEntry>? Tree);

    private static int Execute(DiffOptions o, DiagnosticSink sink, TextWriter stdout, TextWriter stderr)
    {
        var defaults = BudgetOptions.Parse(o.Budgets, sink);
        if (defaults is null)
        {
            return Output.InputErrors;
        }

        string where = Path.GetFullPath(o.Repo ?? Directory.GetCurrentDirectory());
        var git = Git.Open(where);
        var baseRev = new Revision(o.Base, git.ResolveCommit(o.Base));
        var headRev = new Revision(o.Head ?? "working tree", o.Head is null ? null : git.ResolveCommit(o.Head));
        var baseSide = new Side(baseRev.Label, baseRev.Commit, git.ListTree(baseRev.Commit!));
        var headSide = new Side(headRev.Label, headRev.Commit, headRev.Commit is null ? null
            : git.ListTree(headRev.Commit));

        var baseFiles = CarbonFiles(baseSide.Tree!);
        var headFiles = headSide.Tree is { } t ? CarbonFiles(t) : WorkingTreeFiles(git);
        var renames = git.Renames(baseRev.Commit!, headRev.Commit)
            .Where(r => baseFiles.Contains(r.From) && headFiles.Contains(r.To))
            .ToList();
        var pairs = Pair(baseFiles, headFiles, renames);

        var filters = new List<string>();
        foreach (string p in o.Paths)
        {
            string rel = Path.GetRelativePath(git.Root, Path.GetFullPath(p, where)).Replace('\\', '/');
            if (rel == ".." || rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel))
            {
                sink.Error(DiagnosticCatalog.PathNotInRepository, p, git.Root);
                return Output.InputErrors;
            }

            filters.Add(rel);
        }

        if (filters.Count > 0)
        {
            pairs = [.. pairs.Where(p => filters.Any(f => Matches(f, p.Base) || Matches(f, p.Head)))];
        }

        bool headFailed = false;
        bool overBudget = false;
        var inputs = new List<FilePair>();
        var notes = new List<BudgetNote>();
        foreach (var (basePath, headPath) in pairs)
        {
            var before = basePath is null ? null : Compile(git, baseSide, basePath, o.ProjectDir, where, sink,
                isBase: true);
            var after = headPath is null ? null : Compile(git, headSide, headPath, o.ProjectDir, where, sink,
                isBase: false);
            headFailed |= headPath is not null && after is null;
            inputs.Add(new FilePair(basePath, headPath, before?.Report, after?.Report));
            if (after is null)
            {
                continue;
            }

            var evaluation = BudgetEvaluator.Evaluate(after.Report, before?.Report, baseRev.Label, defaults);
            sink.Add(evaluation.Diagnostics, after.Show);
            overBudget |= evaluation.OverErrorBudget;
            headFailed |= evaluation.HasInvalidBudget;
            notes.AddRange(evaluation.Diagnostics.Select(d => Note(d, after.Show(d))));
        }

        var doc = DiffBuilder.Build(baseRev, headRev, inputs, notes);
        string text = DiffFormats.Write(o.Format, doc);
        if (o.Output is null)
        {
            stdout.Write(text);
        }
        else if (!Output.WriteFile(stderr, o.Output, text, []))
        {
            return Output.InputErrors;
        }

        return headFailed ? Output.InputErrors : overBudget ? Output.OverBudget : Output.Ok;
    }

    private static bool Matches(string filter, string? path) =>
        path is not null && (filter == "." || path == filter || path.StartsWith(filter.TrimEnd('/') + "/",
        StringComparison.Ordinal));

    private static HashSet<string> CarbonFiles(IReadOnlyDictionary<string, TreeEntry> tree) =>
        [.. tree.Values.Where(e => e.IsRegularFile && IsCarbon(e.Path)).Select(e => e.Path)];

    private static HashSet<string> WorkingTreeFiles(Git git) =>
        [.. git.ListWorkingTree().Where(p => IsCarbon(p) && new FileInfo(Path.Combine(git.Root, p))
            .LinkTarget is null)];

    private static bool IsCarbon(string path) => path.EndsWith(".carbon", StringComparison.Ordinal);

    /// <summary>Base and head paths of each file: renames first, then same paths, then removals and
    /// additions.</summary>
    private static List<(string? Base, string? Head)> Pair(HashSet<string> baseFiles, HashSet<string> headFiles,
        List<(string From, string To)> renames)
    {
        var pairs = new List<(string?, string?)>();
        var usedBase = new HashSet<string>(StringComparer.Ordinal);
        var usedHead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, to) in renames)
        {
            // A path that still exists at HEAD is that file, not the source of a rename.
            if (headFiles.Contains(from) || !usedBase.Add(from) || !usedHead.Add(to))
            {
                continue;
            }

            pairs.Add((from, to));
        }

        foreach (string p in baseFiles.Where(p => !usedBase.Contains(p)).Order(StringComparer.Ordinal))
        {
            bool there = headFiles.Contains(p) && !usedHead.Contains(p);
            pairs.Add((p, there ? p : null));
            if (there)
            {
                usedHead.Add(p);
            }
        }

        pairs.AddRange(headFiles.Where(p => !usedHead.Contains(p)).Order(StringComparer.Ordinal)
            .Select(p => ((string?)null, (string?)p)));
        return pairs;
    }

    private sealed record Compiled(FootprintReport Report, Func<Diagnostic, string?> Show);

    private static Compiled? Compile(Git git, Side side, string path, string? projectDir, string where,
        DiagnosticSink sink, bool isBase)
    {
        string full = Path.Combine(git.Root, path);
        string project = projectDir is null ? Path.GetDirectoryName(full) ?? git.Root : Path.GetFullPath(projectDir,
            where);
        string prefix = isBase ? side.Commit![..7] + ":" : "";
        string? Show(Diagnostic d)
        {
            if (d.Source is null)
            {
                return null;
            }

            string abs = Path.IsPathRooted(d.Source.Path) ? d.Source.Path : Path.Combine(project, d.Source.Path);
            return prefix + Path.GetRelativePath(git.Root, abs).Replace('\\', '/');
        }

        string? text;
        ISourceResolver resolver;
        string error = "";
        if (side.Commit is null)
        {
            resolver = new FileSystemResolver(project);
            text = resolver.Read(full, out error);
        }
        else
        {
            resolver = new GitSourceResolver(git, side.Commit, side.Tree!);
            text = resolver.Read(full, out error);
        }

        CarbonCompilation? compilation = null;
        if (text is not null)
        {
            compilation = CarbonCompilation.Create(new SourceText(full, text), resolver, project);
        }

        var report = compilation?.Interpret();
        if (report is not null)
        {
            return new Compiled(report, Show);
        }

        sink.Error(isBase ? DiagnosticCatalog.BaseFileFailed : DiagnosticCatalog.FileFailsAtRevision, path, side.Label);
        if (compilation is null)
        {
            sink.Error(DiagnosticCatalog.FileNotReadable, prefix + path, error);
        }
        else
        {
            sink.Add(compilation.Diagnostics.Where(d => d.Severity == Severity.Error), Show);
        }

        return null;
    }

    private static BudgetNote Note(Diagnostic d, string? path)
    {
        string level = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        var p = d.Start;
        return new BudgetNote(d.Code, level, path ?? "carbonc", d.Source is null ? 0 : p.Line, d.Source is null ? 0
            : p.Column, d.Message);
    }
}
