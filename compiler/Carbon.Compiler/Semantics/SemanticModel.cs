using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Semantics;

/// <summary>A stated property of a site or hardware, with its owner.</summary>
public sealed record OwnedProperty(EntitySymbol Owner, BoundProperty Property);

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

    /// <summary>
    /// Named values (<see cref="LetSymbol"/>) and stated properties (<see cref="OwnedProperty"/>) in
    /// the order their binding completed, each after the values it uses. Emitting them in this order
    /// keeps the lowering's recursion shallow however long a chain of values is.
    /// </summary>
    public List<object> ValueOrder { get; } = [];

    /// <summary>The report line each run, stage-less development estimate or embodied block produced.</summary>
    public Dictionary<BlockItem, BoundLine> LinesBySyntax { get; } = new(ReferenceEqualityComparer.Instance);
}
