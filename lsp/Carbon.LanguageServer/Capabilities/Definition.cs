using Carbon.Compiler.Semantics;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/definition</c>: from a use of a let, site or hardware to its declaration, in this
/// file or an imported one. Catalogue entries have no source file, so they have no definition.
/// </summary>
public static class Definition
{
    public static IReadOnlyList<Location> Get(DocumentAnalysis analysis, Position position)
    {
        var text = analysis.Snapshot.Text;
        int offset = Positions.ToOffset(text, position);
        foreach (var r in analysis.Compilation.Model.References)
        {
            if (!ReferenceEquals(r.Source, text) || offset < r.Span.Start || offset > r.Span.End)
            {
                continue;
            }

            return Locate(analysis, r.Symbol) is { } location ? [location] : [];
        }

        // On a declaration's own name, the declaration is the answer (editors then offer references).
        foreach (var symbol in analysis.Compilation.Model.Symbols)
        {
            if (ReferenceEquals(symbol.Source, text) && offset >= symbol.NameSpan.Start
                && offset <= symbol.NameSpan.End)
            {
                return Locate(analysis, symbol) is { } location ? [location] : [];
            }
        }

        return [];
    }

    private static Location? Locate(DocumentAnalysis analysis, Symbol symbol)
    {
        if (symbol.Source is not { } source)
        {
            return null;
        }

        string? uri = ReferenceEquals(source, analysis.Snapshot.Text)
            ? analysis.Snapshot.Uri
            : Diagnostics.FileUri(analysis, source.Path);
        return uri is null ? null : new Location(uri, Positions.ToRange(source, symbol.NameSpan));
    }
}
