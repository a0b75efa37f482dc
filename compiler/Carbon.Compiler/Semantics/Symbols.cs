using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

/// <summary>What a value is: a quantity, a text, a reference to a site or hardware, or an error.</summary>
public enum ValueSort
{
    Quantity,
    Text,
    Site,
    Hardware,

    /// <summary>A value whose error is already reported; it silences every check that would follow.</summary>
    Error,
}

/// <summary>
/// A checked value: a number in canonical units with its dimension, or text, or a reference.
/// <see cref="IsPue"/> marks a PUE; <see cref="IncludesPue"/> marks a product that a PUE went into.
/// </summary>
public readonly record struct Value(
    ValueSort Sort,
    double Number,
    Dimension Dimension,
    string? Text = null,
    EntitySymbol? Entity = null,
    bool IsPue = false,
    bool IncludesPue = false)
{
    public static Value Error { get; } = new(ValueSort.Error, 0, Dimension.None);

    public bool IsError => Sort == ValueSort.Error;

    public static Value Quantity(double n, Dimension d) => new(ValueSort.Quantity, n, d);

    public static Value OfText(string s) => new(ValueSort.Text, 0, Dimension.None, s);

    /// <summary>"a power per accelerator (kW/GPU)", "text", "the site 'jupiter'".</summary>
    public string Describe() => Sort switch
    {
        ValueSort.Quantity => Dimension.Describe(),
        ValueSort.Text => "text",
        ValueSort.Site => $"the site '{Entity?.Name}'",
        ValueSort.Hardware => $"the hardware '{Entity?.Name}'",
        _ => "an error",
    };
}

/// <summary>A declared name.</summary>
public abstract class Symbol(string name, SourceText? source, TextSpan nameSpan)
{
    public string Name { get; } = name;

    /// <summary>The file that declares it; null for catalogue entries.</summary>
    public SourceText? Source { get; } = source;

    public TextSpan NameSpan { get; } = nameSpan;
}

internal enum BindState
{
    NotStarted,
    InProgress,
    Done,
}

public sealed class LetSymbol(LetItem syntax, SourceText source) : Symbol(syntax.Name.Text, source, syntax.Name.Span)
{
    public LetItem Syntax { get; } = syntax;

    public BoundExpr? Bound { get; internal set; }

    internal BindState State { get; set; }
}

/// <summary>Where a property's value came from, for the report's table of sources.</summary>
public enum PropertyOrigin
{
    /// <summary>Written in the campaign file.</summary>
    Stated,

    /// <summary>Taken from the catalogue entry the site or hardware is based on.</summary>
    Catalogue,

    /// <summary>Not stated anywhere: a default was used, and a warning said so.</summary>
    Default,
}

/// <summary>A site's or hardware's property, resolved.</summary>
public sealed class BoundProperty(string name, BoundExpr expr, PropertyOrigin origin, Constant? constant,
    PropertyItem? syntax)
{
    public string Name { get; } = name;

    public BoundExpr Expr { get; } = expr;

    public PropertyOrigin Origin { get; } = origin;

    /// <summary>The catalogue constant, where the value came from the catalogue or a default.</summary>
    public Constant? Constant { get; } = constant;

    public PropertyItem? Syntax { get; } = syntax;
}

/// <summary>A site or a piece of hardware: declared in a file, or taken from the catalogue as it is.</summary>
public sealed class EntitySymbol : Symbol
{
    internal EntitySymbol(BlockKind kind, string name, SourceText? source, TextSpan nameSpan, BlockItem? syntax,
        CatalogueEntry? baseEntry)
        : base(name, source, nameSpan)
    {
        Kind = kind;
        Syntax = syntax;
        Base = baseEntry;
    }

    public BlockKind Kind { get; }

    public BlockItem? Syntax { get; }

    public CatalogueEntry? Base { get; }

    internal Dictionary<string, BoundProperty> Resolved { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, BindState> States { get; } = new(StringComparer.Ordinal);

    /// <summary>The properties resolved so far (all that any campaign used, after binding).</summary>
    public IReadOnlyDictionary<string, BoundProperty> Properties => Resolved;

    public string KindName => Kind == BlockKind.Site ? "site" : "hardware";
}
