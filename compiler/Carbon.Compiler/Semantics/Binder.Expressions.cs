using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

internal sealed partial class Binder
{
    private BoundExpr BindExpr(Expr expr)
    {
        // Named values refer to each other, so binding recurses through them as well as through
        // operators; the total depth is bounded so that no file can exhaust the stack.
        if (depth >= Limits.MaxBindingDepth)
        {
            if (!depthReported)
            {
                depthReported = true;
                diagnostics.Report(DiagnosticCatalog.BindingTooDeep, current, expr.Span, Limits.MaxBindingDepth);
            }

            return new BoundError();
        }

        depth++;
        try
        {
            return BindExprCore(expr);
        }
        finally
        {
            depth--;
        }
    }

    private BoundExpr BindExprCore(Expr expr)
    {
        switch (expr)
        {
            case QuantityExpr q:
                return BindQuantity(q);
            case StringExpr s:
                return new BoundText(s.Value);
            case ParenExpr p:
                return BindExpr(p.Inner);
            case NameExpr n:
                return BindName(n.Name);
            case MemberExpr m:
                return BindMember(m);
            case UnaryExpr u:
                var operand = BindExpr(u.Operand);
                if (u.Operator == '+' || operand.Value.IsError)
                {
                    return operand;
                }

                if (operand.Value.Sort != ValueSort.Quantity)
                {
                    diagnostics.Report(DiagnosticCatalog.StringArithmetic, current, u.Span);
                    return new BoundError();
                }

                return new BoundNegate(operand, operand.Value with { Number = -operand.Value.Number, IsPue = false });
            case BinaryExpr b:
                return BindBinary(b);
            default:
                return new BoundError();
        }
    }

    private BoundExpr BindQuantity(QuantityExpr q)
    {
        if (!double.IsFinite(q.Number))
        {
            diagnostics.Report(DiagnosticCatalog.InvalidNumber, current, q.Span, q.NumberText);
            return new BoundError();
        }

        double factor = 1;
        var dim = Dimension.None;
        if (q.Unit is { } unit)
        {
            foreach (var f in unit.Factors)
            {
                if (!UnitTable.TryGet(f.Name, out var info))
                {
                    diagnostics.Report(DiagnosticCatalog.UnknownUnit, current, f.Span, f.Name,
                        Names.DidYouMean(UnitTable.Suggest(f.Name)));
                    return new BoundError();
                }

                if (Math.Abs(f.Exponent) > 9 || f.Exponent == 0)
                {
                    diagnostics.Report(DiagnosticCatalog.BadExponent, current, f.Span);
                    return new BoundError();
                }

                int e = f.Divides ? -f.Exponent : f.Exponent;
                factor *= Math.Pow(info.Factor, e);
                if (!Dimension.TryCombine(dim, info.Dimension.Pow(e), 1, out dim))
                {
                    diagnostics.Report(DiagnosticCatalog.BadExponent, current, f.Span);
                    return new BoundError();
                }
            }
        }

        // Dividing by 100 or 1,000 is exact where multiplying by 0.01 or 0.001 is not: 57.5 % is 0.575.
        double inverse = 1 / factor;
        double value = factor < 1 && Math.Abs(inverse - Math.Round(inverse)) < 1e-9 * inverse
            ? q.Number / Math.Round(inverse)
            : q.Number * factor;
        if (!double.IsFinite(value))
        {
            diagnostics.Report(DiagnosticCatalog.OutOfRange, current, q.Span, q.NumberText);
            return new BoundError();
        }

        return new BoundLiteral(value, dim);
    }

    private BoundExpr BindName(Identifier name)
    {
        var symbol = LookUp(name.Text);
        if (symbol is null)
        {
            var candidates = globals.Keys.Concat(StandardCatalogue.Hardware.Select(h => h.Name))
                .Concat(StandardCatalogue.Sites.Select(s => s.Name));
            diagnostics.Report(DiagnosticCatalog.UnknownName, current, name.Span, name.Text,
                Names.DidYouMean(Names.Closest(name.Text, candidates)));
            return new BoundError();
        }

        model.References.Add(new SymbolReference(current, name.Span, symbol));
        switch (symbol)
        {
            case LetSymbol let:
                if (let.State == BindState.InProgress)
                {
                    diagnostics.Report(DiagnosticCatalog.Cycle, let.Source, let.NameSpan, let.Name,
                        $"'{name.Text}' is used in its own definition");
                    let.Bound = new BoundError();
                    return new BoundError();
                }

                BindLet(let);
                return new BoundLetRef(let, let.Bound!.Value);
            case EntitySymbol e:
                var sort = e.Kind == BlockKind.Site ? ValueSort.Site : ValueSort.Hardware;
                return new BoundEntityRef(e, new Value(sort, 0, Dimension.None, Entity: e));
            default:
                return new BoundError();
        }
    }

    /// <summary>A declared name, or a catalogue site or hardware used as it is.</summary>
    private Symbol? LookUp(string name)
    {
        if (globals.TryGetValue(name, out var s))
        {
            return s;
        }

        if (catalogueEntities.TryGetValue(name, out var e))
        {
            return e;
        }

        EntitySymbol? entity = null;
        if (StandardCatalogue.TryGetHardware(name, out var hw))
        {
            entity = new EntitySymbol(BlockKind.Hardware, name, null, default, null, hw);
        }
        else if (StandardCatalogue.TryGetSite(name, out var site))
        {
            entity = new EntitySymbol(BlockKind.Site, name, null, default, null, site);
        }

        if (entity is not null)
        {
            catalogueEntities[name] = entity;
        }

        return entity;
    }

    private BoundExpr BindMember(MemberExpr m)
    {
        if (m.Target is NameExpr { Name.Text: var ns } target && LookUp(ns) is null
            && StandardCatalogue.Namespaces.Contains(ns))
        {
            if (StandardCatalogue.TryGetConstant(ns, m.Member.Text, out var constant))
            {
                campaign?.ConstantsUsed.Add(constant);
                model.ConstantReferences.Add((current, m.Span, constant));
                return new BoundConstantRef(constant, new Value(ValueSort.Quantity, constant.Value, constant.Dimension,
                    IsPue: ns == "pue"));
            }

            diagnostics.Report(
                DiagnosticCatalog.UnknownMember, current, m.Member.Span, ns, m.Member.Text,
                Names.DidYouMean(Names.Closest(m.Member.Text, StandardCatalogue.ConstantNames(ns))));
            return new BoundError();
        }

        var owner = BindExpr(m.Target);
        if (owner.Value.IsError)
        {
            return owner;
        }

        if (owner.Value.Entity is not { } entity)
        {
            diagnostics.Report(DiagnosticCatalog.UnknownMember, current, m.Member.Span, "This value", m.Member.Text,
                ".");
            return new BoundError();
        }

        var spec = PropertySpecs.Find(entity.Kind, m.Member.Text);
        if (spec is null || spec.Sort != PropertySort.Quantity)
        {
            var names = PropertySpecs.ByBlock[entity.Kind].Where(p => p.Sort == PropertySort.Quantity)
                .Select(p => p.Name);
            diagnostics.Report(DiagnosticCatalog.UnknownMember, current, m.Member.Span, entity.Name, m.Member.Text,
                Names.DidYouMean(Names.Closest(m.Member.Text, names)));
            return new BoundError();
        }

        var prop = GetProperty(entity, m.Member.Text);
        if (prop is null)
        {
            diagnostics.Report(DiagnosticCatalog.MissingKind, current, m.Member.Span, entity.KindName == "site"
                ? "The site" : "The hardware", entity.Name, m.Member.Text);
            return new BoundError();
        }

        return Ref(entity, prop);
    }

    private BoundExpr BindBinary(BinaryExpr b)
    {
        var left = BindExpr(b.Left);
        var right = BindExpr(b.Right);
        var l = left.Value;
        var r = right.Value;
        if (l.IsError || r.IsError)
        {
            return new BoundError();
        }

        if (l.Sort != ValueSort.Quantity || r.Sort != ValueSort.Quantity)
        {
            var bad = l.Sort != ValueSort.Quantity ? b.Left : b.Right;
            var badValue = l.Sort != ValueSort.Quantity ? l : r;
            if (badValue.Sort == ValueSort.Text)
            {
                diagnostics.Report(DiagnosticCatalog.StringArithmetic, current, bad.Span);
            }
            else
            {
                diagnostics.Report(DiagnosticCatalog.WrongReference, current, bad.Span, badValue.Entity?.Name ?? "?",
                    badValue.Entity?.KindName ?? "?", "number");
            }

            return new BoundError();
        }

        double n;
        Dimension dim;
        bool includesPue;
        switch (b.Operator)
        {
            case '+' or '-':
                if (l.Dimension != r.Dimension)
                {
                    string verb = b.Operator == '+' ? "add" : "subtract";
                    if (IsWaterSwap(l.Dimension, r.Dimension))
                    {
                        diagnostics.Report(DiagnosticCatalog.WaterKindsAdded, current, b.Span, verb);
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticCatalog.DimensionMismatch, current, b.Span, verb,
                            l.Dimension.Describe(), r.Dimension.Describe());
                    }

                    return new BoundError();
                }

                n = b.Operator == '+' ? l.Number + r.Number : l.Number - r.Number;
                dim = l.Dimension;
                includesPue = l.IncludesPue || r.IncludesPue;
                break;
            case '*':
                n = l.Number * r.Number;
                if (!Dimension.TryCombine(l.Dimension, r.Dimension, 1, out dim))
                {
                    diagnostics.Report(DiagnosticCatalog.BadExponent, current, b.Span);
                    return new BoundError();
                }

                includesPue = l.IncludesPue || r.IncludesPue || l.IsPue || r.IsPue;
                break;
            default:
                if (r.Number == 0)
                {
                    diagnostics.Report(DiagnosticCatalog.DivisionByZero, current, b.Span);
                    return new BoundError();
                }

                n = l.Number / r.Number;
                if (!Dimension.TryCombine(l.Dimension, r.Dimension, -1, out dim))
                {
                    diagnostics.Report(DiagnosticCatalog.BadExponent, current, b.Span);
                    return new BoundError();
                }

                includesPue = l.IncludesPue && !r.IsPue;
                break;
        }

        if (!double.IsFinite(n))
        {
            diagnostics.Report(DiagnosticCatalog.OutOfRange, current, b.Span, "the result overflows");
            return new BoundError();
        }

        return new BoundBinary(left, b.Operator, right, new Value(ValueSort.Quantity, n, dim,
            IncludesPue: includesPue));
    }

    private static bool IsWaterSwap(Dimension a, Dimension b) =>
        a != b
        && a[BaseDimension.Water] + a[BaseDimension.WaterWithdrawn] == b[BaseDimension.Water]
        + b[BaseDimension.WaterWithdrawn]
        && a[BaseDimension.Water] != b[BaseDimension.Water]
        && a / Dimension.Of(BaseDimension.Water, a[BaseDimension.Water]) / Dimension.Of(BaseDimension.WaterWithdrawn,
        a[BaseDimension.WaterWithdrawn])
            == b / Dimension.Of(BaseDimension.Water,
            b[BaseDimension.Water]) / Dimension.Of(BaseDimension.WaterWithdrawn, b[BaseDimension.WaterWithdrawn]);
}
