using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Semantics;

/// <summary>A use of a name, for go-to-definition and hover.</summary>
public sealed record SymbolReference(SourceText Source, TextSpan Span, Symbol Symbol);

/// <summary>Everything the binder learnt: the campaigns, the symbols, and what each name and property means.</summary>
public sealed class SemanticModel
{
    public List<ParsedFile> Files { get; } = [];

    public List<BoundCampaign> Campaigns { get; } = [];

    public List<Symbol> Symbols { get; } = [];

    public List<SymbolReference> References { get; } = [];

    public List<(SourceText Source, TextSpan Span, Constant Constant)> ConstantReferences { get; } = [];

    public Dictionary<PropertyItem, BoundExpr> PropertyValues { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The report line each run, stage-less development estimate or embodied block produced.</summary>
    public Dictionary<BlockItem, BoundLine> LinesBySyntax { get; } = new(ReferenceEqualityComparer.Instance);
}
