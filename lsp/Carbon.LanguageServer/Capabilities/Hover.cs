using System.Globalization;
using System.Text;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using Carbon.Compiler.Units;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/hover</c>: for a value, its quantity, unit and dimension; for a run, stage or
/// campaign, its energy, CO2e and water; for a catalogue entry or constant, its value and source.
/// </summary>
public static class Hovers
{
    public static Protocol.Hover? Get(DocumentAnalysis analysis, Position position)
    {
        var text = analysis.Snapshot.Text;
        int offset = Positions.ToOffset(text, position);
        var model = analysis.Compilation.Model;

        foreach (var (source, span, constant) in model.ConstantReferences)
        {
            if (ReferenceEquals(source, text) && Within(span, offset))
            {
                return Make(text, span, Completion.ConstantDocs(constant));
            }
        }

        foreach (var r in model.References)
        {
            if (ReferenceEquals(r.Source, text) && Within(r.Span, offset))
            {
                return Make(text, r.Span, SymbolDocs(r.Symbol));
            }
        }

        return Find(analysis, analysis.Compilation.Syntax.Items, offset);
    }

    /// <summary>"0.649 kW/GPU — a power per accelerator", "\"32B\" (text)", "the site 'jupiter'".</summary>
    public static string DescribeValue(Value v) => v.Sort switch
    {
        ValueSort.Quantity when v.Dimension.IsDimensionless => Number(v.Number) + " (a plain number)",
        ValueSort.Quantity => Number(v.Number) + " " + v.Dimension.ToUnitString() + " — " + v.Dimension.Describe(),
        ValueSort.Text => "\"" + v.Text + "\" (text)",
        _ => v.Describe(),
    };

    private static string Number(double v) =>
        Math.Abs(v) >= 1e6 || Math.Abs(v) < 1e-3 && v != 0
            ? v.ToString("G6", CultureInfo.InvariantCulture)
            : v.ToString("#,0.######", CultureInfo.InvariantCulture);

    private static bool Within(TextSpan span, int offset) => offset >= span.Start && offset <= span.End;

    private static Protocol.Hover Make(SourceText text, TextSpan span, string markdown) =>
        new(MarkupContent.Markdown(markdown), Positions.ToRange(text, span));

    private static Protocol.Hover? Find(DocumentAnalysis analysis, IEnumerable<Item> items, int offset)
    {
        var text = analysis.Snapshot.Text;
        foreach (var item in items)
        {
            if (!Within(item.Span, offset))
            {
                continue;
            }

            switch (item)
            {
                case BlockItem b when Within(b.Name.Span, offset):
                    return Make(text, b.Name.Span, BlockDocs(analysis, b));
                case BlockItem { Base: { } baseName } b when Within(baseName.Span, offset):
                    return BaseDocs(b.Kind, baseName.Text) is { } docs ? Make(text, baseName.Span, docs) : null;
                case BlockItem b:
                    return Find(analysis, b.Members, offset);
                case PropertyItem p when Within(p.Name.Span, offset):
                    return Make(text, p.Name.Span, PropertyDocs(analysis, p));
                case PropertyItem p:
                    return Expression(text, p.Value, offset);
                case LetItem l when Within(l.Name.Span, offset):
                    var let = analysis.Compilation.Model.Symbols.OfType<LetSymbol>()
                        .FirstOrDefault(s => ReferenceEquals(s.Syntax, l));
                    return let is null ? null : Make(text, l.Name.Span, SymbolDocs(let));
                case LetItem l:
                    return Expression(text, l.Value, offset);
                case BudgetItem budget:
                    return Expression(text, budget.Limit, offset);
            }
        }

        return null;
    }

    // A literal quantity: its value in canonical units and its dimension.
    private static Protocol.Hover? Expression(SourceText text, Expr expr, int offset)
    {
        switch (expr)
        {
            case QuantityExpr q when Within(q.Span, offset):
                var (value, dimension) = Canonical(q);
                if (dimension is not { } d)
                {
                    return null;
                }

                string written = q.NumberText + (q.Unit is null ? "" : " " + q.Unit.Text);
                return Make(text, q.Span, $"`{written}` = {DescribeValue(Value.Quantity(value, d))}");
            case BinaryExpr b:
                return Expression(text, b.Left, offset) ?? Expression(text, b.Right, offset);
            case UnaryExpr u:
                return Expression(text, u.Operand, offset);
            case ParenExpr p:
                return Expression(text, p.Inner, offset);
            default:
                return null;
        }
    }

    private static (double Value, Dimension? Dimension) Canonical(QuantityExpr q)
    {
        double value = q.Number;
        var dimension = Dimension.None;
        foreach (var f in q.Unit?.Factors ?? [])
        {
            if (!UnitTable.TryGet(f.Name, out var unit))
            {
                return (0, null);
            }

            double factor = Math.Pow(unit.Factor, f.Exponent);
            var d = unit.Dimension.Pow(f.Exponent);
            value = f.Divides ? value / factor : value * factor;
            dimension = f.Divides ? dimension / d : dimension * d;
        }

        return (value, dimension);
    }

    private static string SymbolDocs(Symbol symbol)
    {
        switch (symbol)
        {
            case LetSymbol let:
                return $"**let** `{let.Name}`" +
                    (let.Bound?.Value is { IsError: false } v ? "\n\n" + DescribeValue(v) : "");
            case EntitySymbol e:
                var sb = new StringBuilder();
                sb.Append("**").Append(e.KindName).Append("** `").Append(e.Name).Append('`');
                if (e.Base is { } b)
                {
                    sb.Append(" — based on `").Append(b.Name).Append("`: ").Append(b.Description);
                }

                if (e.Properties.Count > 0)
                {
                    sb.Append("\n\n| property | value | from |\n|---|---|---|\n");
                    foreach (var (name, p) in e.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        string origin = p.Origin switch
                        {
                            PropertyOrigin.Stated => "stated",
                            PropertyOrigin.Catalogue => "catalogue: " + p.Constant?.Source,
                            _ => "default: " + p.Constant?.Source,
                        };
                        sb.Append("| ").Append(name).Append(" | ")
                            .Append(p.Expr.Value.IsError ? "error" : DescribeValue(p.Expr.Value))
                            .Append(" | ").Append(origin).Append(" |\n");
                    }
                }

                return sb.ToString().TrimEnd();
            default:
                return "`" + symbol.Name + "`";
        }
    }

    private static string PropertyDocs(DocumentAnalysis analysis, PropertyItem p)
    {
        var sb = new StringBuilder().Append("**").Append(p.Name.Text).Append("**");
        if (analysis.Compilation.Model.PropertyValues.TryGetValue(p, out var bound) && !bound.Value.IsError)
        {
            sb.Append(" = ").Append(DescribeValue(bound.Value));
        }

        var spec = PropertySpecs.ByBlock.Values.SelectMany(s => s).FirstOrDefault(s => s.Name == p.Name.Text);
        if (spec is not null)
        {
            sb.Append("\n\n").Append(spec.Description);
        }

        return sb.ToString();
    }

    private static string BlockDocs(DocumentAnalysis analysis, BlockItem b)
    {
        if (b.Kind is BlockKind.Site or BlockKind.Hardware)
        {
            var entity = analysis.Compilation.Model.Symbols.OfType<EntitySymbol>()
                .FirstOrDefault(e => ReferenceEquals(e.Syntax, b));
            return entity is null ? $"**{PropertySpecs.BlockName(b.Kind)}** `{b.Name.Text}`" : SymbolDocs(entity);
        }

        var sb = new StringBuilder();
        sb.Append("**").Append(PropertySpecs.BlockName(b.Kind)).Append("** ")
            .Append(b.NameIsString ? "\"" + b.Name.Text + "\"" : "`" + b.Name.Text + "`");
        if (b.Base is { } kind)
        {
            sb.Append(" (").Append(kind.Text).Append(')');
        }

        if (analysis.EstimateOf(b) is not { } estimate)
        {
            sb.Append("\n\n").Append(analysis.Compilation.HasErrors
                ? "No estimate while the file has errors."
                : "No estimate for this block.");
            return sb.ToString();
        }

        if (analysis.Compilation.Model.LinesBySyntax.TryGetValue(b, out var line) && line is BoundRun run)
        {
            sb.Append(" — power: ").Append(run.PowerBasis);
        }

        sb.Append("\n\n").Append(EstimateText.Inline(estimate.Figures))
            .Append("\n\n").Append(EstimateText.Details(estimate.Figures));
        return sb.ToString();
    }

    private static string? BaseDocs(BlockKind kind, string name)
    {
        if (kind == BlockKind.Site && StandardCatalogue.TryGetSite(name, out var site))
        {
            return $"**catalogue site** `{name}`\n\n" + Completion.EntryDocs(site);
        }

        if (kind == BlockKind.Hardware && StandardCatalogue.TryGetHardware(name, out var hardware))
        {
            return $"**catalogue hardware** `{name}`\n\n" + Completion.EntryDocs(hardware);
        }

        if (kind == BlockKind.Stage && Kinds.StageKinds.ContainsKey(name))
        {
            return $"**stage kind** `{name}`" +
                (Kinds.IsPostTraining(Kinds.StageKinds[name]) ? " (post-training)" : "");
        }

        return kind == BlockKind.Run && Kinds.RunKinds.ContainsKey(name) ? $"**run kind** `{name}`" : null;
    }
}
