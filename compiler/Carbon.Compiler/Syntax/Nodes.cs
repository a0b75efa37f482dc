using System.Collections.Immutable;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Syntax;

/// <summary>Every node of the syntax tree knows the span of source it was parsed from.</summary>
public abstract record SyntaxNode(TextSpan Span);

/// <summary>An identifier as written.</summary>
public sealed record Identifier(string Text, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Text;
}

/// <summary>A parsed file: its items in source order and the syntax errors met on the way.</summary>
public sealed record CompilationUnit(ImmutableArray<Item> Items, TextSpan Span) : SyntaxNode(Span);

/// <summary>A top-level item or a member of a block.</summary>
public abstract record Item(TextSpan Span) : SyntaxNode(Span);

public sealed record ImportItem(StringExpr Path, TextSpan Span) : Item(Span);

public sealed record LetItem(Identifier Name, Expr Value, TextSpan Span) : Item(Span);

/// <summary>What a block declares: the keyword that opened it.</summary>
public enum BlockKind
{
    Site,
    Hardware,
    Campaign,
    Stage,
    Run,
    Embodied,
}

/// <summary>
/// A named block: <c>site</c>, <c>hardware</c>, <c>campaign</c>, <c>stage</c>, <c>run</c> or
/// <c>embodied</c>. A campaign's name is a string, so <see cref="DisplayName"/> holds it as written;
/// other blocks are named by an identifier. <see cref="Base"/> is what follows the colon: a
/// catalogue entry for sites and hardware, a kind for stages and runs.
/// </summary>
public sealed record BlockItem(
    BlockKind Kind,
    Identifier Name,
    Identifier? Base,
    ImmutableArray<Item> Members,
    TextSpan Span) : Item(Span)
{
    /// <summary>True when the name was written as a string (campaigns).</summary>
    public bool NameIsString { get; init; }

    public string DisplayName => Name.Text;

    public IEnumerable<PropertyItem> Properties => Members.OfType<PropertyItem>();

    public IEnumerable<BlockItem> Blocks => Members.OfType<BlockItem>();
}

public sealed record PropertyItem(Identifier Name, Expr Value, TextSpan Span) : Item(Span);

public enum BudgetLevel
{
    Error,
    Warning,
}

/// <summary><c>budget [error|warning] [model "32B"] metric [change] &lt;= limit</c>.</summary>
public sealed record BudgetItem(
    BudgetLevel Level,
    StringExpr? Model,
    Identifier Metric,
    bool IsChange,
    bool Strict,
    Expr Limit,
    TextSpan Span) : Item(Span);

/// <summary>What is left of a member or item that did not parse, with the syntax error found there.</summary>
public sealed record ErrorItem(int ErrorOffset, string Unexpected, string Expected, TextSpan Span) : Item(Span);

public abstract record Expr(TextSpan Span) : SyntaxNode(Span);

/// <summary>A number with an optional unit, e.g. <c>1_050_000 GPU*h</c>.</summary>
public sealed record QuantityExpr(string NumberText, double Number, UnitSyntax? Unit, TextSpan Span) : Expr(Span);

public sealed record StringExpr(string Value, TextSpan Span) : Expr(Span);

public sealed record NameExpr(Identifier Name) : Expr(Name.Span);

public sealed record MemberExpr(Expr Target, Identifier Member, TextSpan Span) : Expr(Span);

public sealed record UnaryExpr(char Operator, Expr Operand, TextSpan Span) : Expr(Span);

public sealed record BinaryExpr(Expr Left, char Operator, Expr Right, TextSpan Span) : Expr(Span);

public sealed record ParenExpr(Expr Inner, TextSpan Span) : Expr(Span);

/// <summary>A unit as written: factors joined by <c>*</c> or <c>/</c>.</summary>
public sealed record UnitSyntax(ImmutableArray<UnitFactor> Factors, TextSpan Span) : SyntaxNode(Span)
{
    public string Text => string.Concat(Factors.Select((f, i) => (i == 0 ? "" : f.Divides ? "/" : "*") + f.ToString()));
}

/// <summary>One factor of a unit: a name, its exponent, and whether it divides.</summary>
public sealed record UnitFactor(string Name, int Exponent, bool Divides, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() =>
        Exponent == 1 ? Name : Name + "^" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
