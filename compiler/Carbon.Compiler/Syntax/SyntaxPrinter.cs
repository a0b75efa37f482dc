using System.Collections.Immutable;
using System.Text;

namespace Carbon.Compiler.Syntax;

/// <summary>
/// Prints a syntax tree back to <c>.carbon</c> text in a canonical layout: one item or member per
/// line, two spaces of indentation per block, single spaces around operators, comments dropped.
/// Parsing the printed text gives a tree that prints identically, which the property tests check.
/// <see cref="ErrorItem"/>s hold no text worth keeping and are left out.
/// </summary>
public static class SyntaxPrinter
{
    public static string Print(CompilationUnit unit)
    {
        var sb = new StringBuilder();
        Items(sb, unit.Items, 0);
        return sb.ToString();
    }

    /// <summary>An expression on its own, as <see cref="Print(CompilationUnit)"/> writes it.</summary>
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Expression(sb, expr);
        return sb.ToString();
    }

    private static void Items(StringBuilder sb, ImmutableArray<Item> items, int depth)
    {
        foreach (var item in items)
        {
            if (item is ErrorItem)
            {
                continue;
            }

            sb.Append(' ', depth * 2);
            switch (item)
            {
                case ImportItem i:
                    sb.Append("import ");
                    String(sb, i.Path.Value);
                    break;
                case LetItem l:
                    sb.Append("let ").Append(l.Name.Text).Append(" = ");
                    Expression(sb, l.Value);
                    break;
                case PropertyItem p:
                    sb.Append(p.Name.Text).Append(" = ");
                    Expression(sb, p.Value);
                    break;
                case BudgetItem b:
                    Budget(sb, b);
                    break;
                case BlockItem b:
                    Block(sb, b, depth);
                    break;
            }

            sb.Append('\n');
        }
    }

    private static void Block(StringBuilder sb, BlockItem b, int depth)
    {
        sb.Append(Keyword(b.Kind)).Append(' ');
        if (b.NameIsString)
        {
            String(sb, b.Name.Text);
        }
        else
        {
            sb.Append(b.Name.Text);
        }

        if (b.Base is { } baseName)
        {
            sb.Append(" : ").Append(baseName.Text);
        }

        sb.Append(" {\n");
        Items(sb, b.Members, depth + 1);
        sb.Append(' ', depth * 2).Append('}');
    }

    private static void Budget(StringBuilder sb, BudgetItem b)
    {
        sb.Append("budget ").Append(b.Level == BudgetLevel.Warning ? "warning " : "error ");
        if (b.Model is { } model)
        {
            sb.Append("model ");
            String(sb, model.Value);
            sb.Append(' ');
        }

        sb.Append(b.Metric.Text).Append(b.IsChange ? " change" : "").Append(b.Strict ? " < " : " <= ");
        Expression(sb, b.Limit);
    }

    private static string Keyword(BlockKind kind) => kind switch
    {
        BlockKind.Site => "site",
        BlockKind.Hardware => "hardware",
        BlockKind.Campaign => "campaign",
        BlockKind.Stage => "stage",
        BlockKind.Run => "run",
        _ => "embodied",
    };

    // Binding strength: additive 1, multiplicative 2, unary 3, postfix and primary 4. A child that
    // binds looser than its place needs brackets; trees from the parser already carry them as
    // ParenExpr, so brackets are added only for trees built by hand.
    private static int Strength(Expr e) => e switch
    {
        BinaryExpr { Operator: '+' or '-' } => 1,
        BinaryExpr => 2,
        UnaryExpr => 3,
        _ => 4,
    };

    private static void Expression(StringBuilder sb, Expr expr)
    {
        // Recursion is bounded: the parser refuses expressions deeper than Limits.MaxExpressionDepth.
        switch (expr)
        {
            case QuantityExpr q:
                sb.Append(q.NumberText);
                if (q.Unit is { } unit)
                {
                    sb.Append(' ').Append(unit.Text);
                }

                break;
            case StringExpr s:
                String(sb, s.Value);
                break;
            case NameExpr n:
                sb.Append(n.Name.Text);
                break;
            case MemberExpr m:
                Operand(sb, m.Target, 4);
                sb.Append('.').Append(m.Member.Text);
                break;
            case ParenExpr p:
                sb.Append('(');
                Expression(sb, p.Inner);
                sb.Append(')');
                break;
            case UnaryExpr u:
                sb.Append(u.Operator);
                // "- -1" and "--1" parse alike; the space keeps the output readable.
                if (u.Operand is UnaryExpr)
                {
                    sb.Append(' ');
                }

                Operand(sb, u.Operand, 3);
                break;
            case BinaryExpr b:
                int strength = Strength(b);
                Operand(sb, b.Left, strength);
                sb.Append(' ').Append(b.Operator).Append(' ');
                Operand(sb, b.Right, strength + 1);
                break;
        }
    }

    private static void Operand(StringBuilder sb, Expr e, int needed)
    {
        if (Strength(e) < needed)
        {
            sb.Append('(');
            Expression(sb, e);
            sb.Append(')');
        }
        else
        {
            Expression(sb, e);
        }
    }

    private static void String(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }
}
