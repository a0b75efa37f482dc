using Carbon.Compiler.Syntax;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/documentSymbol</c>: an outline of lets, sites, hardware and campaigns with their
/// stages, runs and embodied blocks, from the syntax tree (so it also works while the file has
/// errors). Blocks with an estimate show it as their detail.
/// </summary>
public static class DocumentSymbols
{
    public static IReadOnlyList<DocumentSymbol> Get(DocumentAnalysis analysis) =>
        [.. analysis.Compilation.Syntax.Items.Select(i => Symbol(analysis, i)).OfType<DocumentSymbol>()];

    private static DocumentSymbol? Symbol(DocumentAnalysis analysis, Item item)
    {
        var text = analysis.Snapshot.Text;
        switch (item)
        {
            case LetItem let:
                return new DocumentSymbol(let.Name.Text, "let", SymbolKind.Constant, Positions.ToRange(text, let.Span),
                    Positions.ToRange(text, let.Name.Span), []);
            case BlockItem block when block.Name.Text.Length > 0:
                var children = block.Members.OfType<BlockItem>().Select(m => Symbol(analysis, m))
                    .OfType<DocumentSymbol>().ToList();
                string kind = block.Base is { } b
                    ? Compiler.Semantics.PropertySpecs.BlockName(block.Kind) + " : " + b.Text
                    : Compiler.Semantics.PropertySpecs.BlockName(block.Kind);
                string detail = analysis.EstimateOf(block) is { } e
                    ? kind + "  " + EstimateText.Inline(e.Figures)
                    : kind;
                return new DocumentSymbol(
                    block.Name.Text,
                    detail,
                    Kind(block.Kind),
                    Positions.ToRange(text, block.Span),
                    Positions.ToRange(text, block.Name.Span),
                    children);
            default:
                return null;
        }
    }

    private static int Kind(BlockKind kind) => kind switch
    {
        BlockKind.Campaign => SymbolKind.Module,
        BlockKind.Site => SymbolKind.Object,
        BlockKind.Hardware => SymbolKind.Class,
        BlockKind.Stage => SymbolKind.Namespace,
        BlockKind.Run => SymbolKind.Function,
        _ => SymbolKind.Event,
    };
}
