using Carbon.Compiler.Syntax;
using Carbon.LanguageServer.Protocol;
using CompilerDiagnostic = Carbon.Compiler.Diagnostics.Diagnostic;
using CompilerSeverity = Carbon.Compiler.Diagnostics.Severity;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// The compiler's diagnostics as <c>textDocument/publishDiagnostics</c>, with their codes and ranges.
/// A diagnostic in an imported file is shown on the import that brought the file in, and points
/// at its own place through related information.
/// </summary>
public static class Diagnostics
{
    public const string SourceName = "carbon";

    public static PublishDiagnosticsParams Publish(DocumentAnalysis analysis)
    {
        var text = analysis.Snapshot.Text;
        var list = new List<Diagnostic>();
        foreach (var d in analysis.Compilation.Diagnostics)
        {
            if (d.Source is null || ReferenceEquals(d.Source, text))
            {
                var range = d.Source is null
                    ? new Protocol.Range(new Position(0, 0), new Position(0, 0))
                    : Positions.ToRange(text, d.Span);
                list.Add(new Diagnostic(range, Severity(d), d.Code, SourceName, d.Message, Related(d, analysis)));
                continue;
            }

            var import = ImportOf(analysis, d.Source.Path);
            var at = import is null
                ? new Protocol.Range(new Position(0, 0), new Position(0, 0))
                : Positions.ToRange(text, import.Path.Span);
            var p = d.Start;
            list.Add(new Diagnostic(
                at,
                Severity(d),
                d.Code,
                SourceName,
                $"In {d.Source.Path}({p.Line},{p.Column}): {d.Message}",
                ImportedLocation(d, analysis) is { } loc ? [new DiagnosticRelatedInformation(loc, d.Message)] : null));
        }

        return new PublishDiagnosticsParams(analysis.Snapshot.Uri, analysis.Snapshot.Version, list);
    }

    private static int Severity(CompilerDiagnostic d) => d.Severity switch
    {
        CompilerSeverity.Error => DiagnosticSeverity.Error,
        CompilerSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Information,
    };

    private static List<DiagnosticRelatedInformation>? Related(CompilerDiagnostic d, DocumentAnalysis analysis)
    {
        if (d.Related is not { } related)
        {
            return null;
        }

        string? uri = ReferenceEquals(related.Source, analysis.Snapshot.Text)
            ? analysis.Snapshot.Uri
            : FileUri(analysis, related.Source.Path);
        return uri is null
            ? null
            : [new DiagnosticRelatedInformation(new Location(uri, Positions.ToRange(related.Source, related.Span)),
                related.Message)];
    }

    private static Location? ImportedLocation(CompilerDiagnostic d, DocumentAnalysis analysis) =>
        d.Source is { } source && FileUri(analysis, source.Path) is { } uri
            ? new Location(uri, Positions.ToRange(source, d.Span))
            : null;

    /// <summary>The file URI of an imported file, whose path the compiler keeps relative to the project.</summary>
    public static string? FileUri(DocumentAnalysis analysis, string importedPath) =>
        analysis.ProjectDirectory is { } project ? Uris.FromFilePath(Path.Combine(project, importedPath)) : null;

    // The import in the document that leads to the file, directly or through other imports.
    private static ImportItem? ImportOf(DocumentAnalysis analysis, string importedPath)
    {
        var imports = analysis.Compilation.Syntax.Items.OfType<ImportItem>().ToList();
        if (analysis.ProjectDirectory is { } project && analysis.Snapshot.FilePath is { } path)
        {
            string target = Path.GetFullPath(Path.Combine(project, importedPath));
            string dir = Path.GetDirectoryName(path) ?? project;
            var direct = imports.FirstOrDefault(i => Path.GetFullPath(Path.Combine(dir, i.Path.Value)) == target);
            if (direct is not null)
            {
                return direct;
            }
        }

        return imports.FirstOrDefault();
    }
}
