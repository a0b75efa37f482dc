using System.Collections.Immutable;
using System.Globalization;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace Carbon.Compiler.Parsing;

/// <summary>
/// The parser, built with Pidgin in the order of <c>grammar.md</c>: each production is a field of
/// the same name. Every token skips the whitespace and comments after it. The parser never throws on
/// user input: a member or item that does not parse becomes an <see cref="ErrorItem"/> holding the
/// error, and parsing resumes at the next line (inside a block) or the next top-level keyword.
/// </summary>
public static class Parser
{
    private static readonly string[] ItemKeywords = ["import", "let", "site", "hardware", "campaign"];
    private static readonly string[] MemberKeywords = ["stage", "run", "embodied", "budget"];
    private static readonly HashSet<string> Reserved = [.. ItemKeywords, .. MemberKeywords];

    // Lexical structure.
    // whitespace = (" " | TAB | CR | LF | FF | VT | "//" line comment | "/*" block comment "*/")*. It runs
    // after every token, so it is one loop over the characters rather than a combinator of combinators.
    private static readonly Parser<char, Unit> Whitespace = new WhitespaceParser();

    private static readonly Parser<char, Unit> InlineSpace = Token(c => c is ' ' or '\t').SkipMany();

    // One string per name, cut from the input, rather than a first character and a rest joined together.
    private static readonly Parser<char, string> IdentText =
        Token(Scanner.IsIdentStart).Then(Token(Scanner.IsIdentChar).SkipMany()).Slice((span, _) => new string(span));

    private static readonly Parser<char, Identifier> IdentRaw =
        Map((s, text, e) => new Identifier(text, TextSpan.FromBounds(s, e)), CurrentOffset, IdentText, CurrentOffset);

    private static readonly Parser<char, Identifier> Ident = Tok(IdentRaw).Labelled("name");

    private static readonly Parser<char, string> Digits =
        Token(char.IsAsciiDigit).Then(Token(c => char.IsAsciiDigit(c) || c == '_').SkipMany())
            .Slice((span, _) => new string(span));

    private static readonly Parser<char, string> NumberText = Map(
        (i, f, e) => i + f.GetValueOrDefault("") + e.GetValueOrDefault(""),
        Digits,
        Try(Char('.').Then(Digits, (_, d) => "." + d)).Optional(),
        Try(OneOf(Char('e'), Char('E'))
            .Then(OneOf(Char('+'), Char('-')).Optional(), (e, sign) => e + (sign.HasValue ? sign.Value.ToString() : ""))
            .Then(Digits, (s, d) => s + d)).Optional());

    private static readonly Parser<char, StringExpr> StringLiteral = Tok(Map(
        (s, text, e) => new StringExpr(text, TextSpan.FromBounds(s, e)),
        CurrentOffset,
        Char('"').Then(OneOf(
            Try(String("\\\"")).ThenReturn('"'),
            Try(String("\\\\")).ThenReturn('\\'),
            Token(c => c is not '"' and not '\n' and not '\r')).ManyString()).Before(Char('"')),
        CurrentOffset)).Labelled("string");

    // Units: factors joined by '*' or '/', with no whitespace inside.
    private static readonly Parser<char, string> UnitName =
        Try(IdentText.Where(n => !Reserved.Contains(n)).Before(Not(Lookahead(Try(Whitespace.Then(Char('=')))))))
            .Labelled("unit");

    private static readonly Parser<char, int> Exponent =
        Try(Char('^').Then(Char('-').Optional()).Then(Digits, (neg, d) => (neg, d)))
            .Select(x => ParseExponent(x.neg.HasValue, x.d));

    private static readonly Parser<char, (string Name, int Exp)> UnitAtom = Map(
        (n, exp) => (n, exp.GetValueOrDefault(1)),
        Char('%').Select(_ => "%").Or(UnitName),
        Exponent.Optional());

    private static readonly Parser<char, UnitFactor> FirstFactor =
        Map((s, a, e) => new UnitFactor(a.Name, a.Exp, false, TextSpan.FromBounds(s, e)), CurrentOffset, UnitAtom,
        CurrentOffset);

    private static readonly Parser<char, UnitFactor> NextFactor = Try(Map(
        (op, s, a, e) => new UnitFactor(a.Name, a.Exp, op == '/', TextSpan.FromBounds(s, e)),
        OneOf(Char('*'), Char('/')),
        CurrentOffset,
        UnitAtom,
        CurrentOffset));

    private static readonly Parser<char, UnitSyntax> Unit = Map(
        (s, first, rest, e) => new UnitSyntax([first, .. rest], TextSpan.FromBounds(s, e)),
        CurrentOffset,
        FirstFactor,
        NextFactor.Many(),
        CurrentOffset);

    // Expressions, loosest last: primary, postfix, unary, multiplicative, additive.
    private static readonly Parser<char, Expr> Quantity = Tok(Map(
        (s, num, unit, e) => (Expr)new QuantityExpr(num, ParseNumber(num), unit.GetValueOrDefault(),
        TextSpan.FromBounds(s, e)),
        CurrentOffset,
        NumberText,
        Try(InlineSpace.Then(Unit)).Optional(),
        CurrentOffset)).Labelled("number");

    private static readonly Parser<char, Expr> Primary = OneOf(
        Quantity,
        StringLiteral.Cast<Expr>(),
        Ident.Select(id => (Expr)new NameExpr(id)),
        Rec(() => Map(
            (s, inner, e) => (Expr)new ParenExpr(inner, TextSpan.FromBounds(s, e)),
            CurrentOffset,
            Sym('(').Then(Expression!),
            CloseEnd(')')))).Labelled("value");

    private static readonly Parser<char, Expr> Postfix = Map(
        (target, members) => members.Aggregate(
            target, (t, m) => new MemberExpr(t, m, TextSpan.FromBounds(t.Span.Start, m.Span.End))),
        Primary,
        Sym('.').Then(Ident).Many());

    private static readonly Parser<char, Expr> Unary = Map(
        (ops, operand) => ops.Reverse().Aggregate(
            operand, (acc, op) => new UnaryExpr(op.Op, acc, TextSpan.FromBounds(op.Start, acc.Span.End))),
        Map((s, op) => (Start: s, Op: op), CurrentOffset, Tok(OneOf(Char('-'), Char('+')))).Many(),
        Postfix);

    private static readonly Parser<char, Expr> Multiplicative = BinaryLayer(Unary, '*', '/');

    private static readonly Parser<char, Expr> Additive = BinaryLayer(Multiplicative, '+', '-');

    private static readonly Parser<char, Expr> Expression = Additive.Labelled("value");

    // Declarations.
    private static readonly Parser<char, Item> Property = Map(
        (name, value) => (Item)new PropertyItem(name, value, TextSpan.FromBounds(name.Span.Start, value.Span.End)),
        Ident,
        Sym('=').Then(Expression).Before(Sym(';').Optional()));

    private static readonly Parser<char, Identifier> Base = Sym(':').Then(Ident).Labelled("':'");

    private static readonly Parser<char, Item> Budget = Map(
        (start, level, model, metric, change, op, limit) => (Item)new BudgetItem(
            level.GetValueOrDefault(BudgetLevel.Error),
            model.GetValueOrDefault(),
            metric,
            change.HasValue,
            op == "<",
            limit,
            TextSpan.FromBounds(start, limit.Span.End)),
        CurrentOffset.Before(Keyword("budget")),
        OneOf(Keyword("error").ThenReturn(BudgetLevel.Error), Keyword("warning").ThenReturn(BudgetLevel.Warning))
            .Optional(),
        Keyword("model").Then(StringLiteral).Optional(),
        Ident.Labelled("budget metric"),
        Keyword("change").Optional(),
        Tok(Try(String("<=")).Or(String("<"))).Labelled("'<='"),
        Expression);

    private static readonly Parser<char, Item> Member = Rec(() => OneOf(
        BlockOf("stage", BlockKind.Stage, Base.Select(b => (Identifier?)b)),
        BlockOf("run", BlockKind.Run, Base.Optional().Select(b => b.HasValue ? b.Value : null)),
        BlockOf("embodied", BlockKind.Embodied, Return<Identifier?>(null)),
        Budget,
        Property));

    // A top-level declaration where a member was expected: the block above it lacks its '}'. A
    // property may share the keyword's name ('site = jupiter'), so the keyword must be followed by a
    // name or a string, as a declaration is.
    private static readonly Parser<char, string> TopKeywordAhead = Lookahead(OneOf(ItemKeywords.Select(k =>
        Try(String(k).Before(Token(c => c is ' ' or '\t').SkipAtLeastOnce())
            .Before(Token(c => Scanner.IsIdentStart(c) || c == '"'))))));

    private static readonly Parser<char, Item> MemberOrError = Not(Lookahead(Char('}'))).Then(Not(Lookahead(End)))
        .Then(Not(TopKeywordAhead))
        .Then(Member.RecoverWith(err => Token(c => c is not '\n' and not '}').SkipMany().Then(Whitespace)
            .Then(CurrentOffset).Select(end => (Item)ToErrorItem(err, end))));

    // A block ends at its '}', or, with an error, where the next top-level declaration starts: the
    // block is kept, so one missing brace loses nothing but itself.
    private static readonly Parser<char, (ImmutableArray<Item> Members, int End)> Body = Map(
        (ms, close) => (close.Missing is null ? ms.ToImmutableArray() : [.. ms, close.Missing], close.End),
        Sym('{').Then(MemberOrError.Many()),
        CloseEnd('}').Select(e => (End: e, Missing: (Item?)null)).Labelled("'}'").Or(Map(
            (o, kw) => (End: o, Missing: (Item?)new ErrorItem(o, $"'{kw}'", "'}' to close the block before it",
            new TextSpan(o, kw.Length))),
            CurrentOffset,
            TopKeywordAhead)));

    private static readonly Parser<char, Item> Import = Map(
        (s, path) => (Item)new ImportItem(path, TextSpan.FromBounds(s, path.Span.End)),
        CurrentOffset.Before(Keyword("import")),
        StringLiteral);

    private static readonly Parser<char, Item> Let = Map(
        (s, name, value) => (Item)new LetItem(name, value, TextSpan.FromBounds(s, value.Span.End)),
        CurrentOffset.Before(Keyword("let")),
        Ident,
        Sym('=').Then(Expression));

    private static readonly Parser<char, Item> Campaign = Map(
        (s, name, body) => (Item)new BlockItem(
            BlockKind.Campaign, new Identifier(name.Value, name.Span), null, body.Members,
            TextSpan.FromBounds(s, body.End))
        { NameIsString = true },
        CurrentOffset.Before(Keyword("campaign")),
        StringLiteral.Labelled("campaign name (a string)"),
        Body);

    private static readonly Parser<char, Item> TopItem = OneOf(
        Import,
        Let,
        BlockOf("site", BlockKind.Site, Base.Optional().Select(b => b.HasValue ? b.Value : null)),
        BlockOf("hardware", BlockKind.Hardware, Base.Optional().Select(b => b.HasValue ? b.Value : null)),
        Campaign,
        Member);

    private static readonly Parser<char, Unit> RestOfLine =
        Token(c => c != '\n').SkipMany().Then(Char('\n').Optional()).IgnoreResult();

    // Skips the rest of the line, then whole lines until one starts with a top-level keyword.
    private static readonly Parser<char, Unit> NextTopLevelLine = RestOfLine.Then(RestOfLine.SkipUntil(
        Lookahead(OneOf(ItemKeywords.Select(k => Try(String(k).Before(Not(Lookahead(Token(Scanner.IsIdentChar)))))
            .IgnoreResult()))
            .Or(End))));

    private static readonly Parser<char, Item> ItemOrError = Not(Lookahead(End))
        .Then(TopItem.RecoverWith(err => NextTopLevelLine.Then(Whitespace).Then(CurrentOffset)
            .Select(end => (Item)ToErrorItem(err, end))));

    private static readonly Parser<char, CompilationUnit> File = Map(
        (items, end) => new CompilationUnit([.. items], new TextSpan(0, end)),
        Whitespace.Then(ItemOrError.Many()),
        CurrentOffset.Before(End));

    /// <summary>Parses a whole file. Syntax errors are added to <paramref name="diagnostics"/>.</summary>
    public static CompilationUnit Parse(SourceText source, DiagnosticBag diagnostics)
    {
        if (source.Text.Length > Limits.MaxFileLength)
        {
            diagnostics.Report(DiagnosticCatalog.FileTooLarge, source, new TextSpan(0, 0), source.Text.Length,
                Limits.MaxFileLength);
            return new CompilationUnit([], new TextSpan(0, 0));
        }

        var scanned = new DiagnosticBag();
        int firstError = Scanner.Scan(source, scanned);
        diagnostics.AddRange(scanned.Items);
        if (scanned.Items.Any(d => d.Descriptor == DiagnosticCatalog.TooDeep || d.Descriptor
            == DiagnosticCatalog.UnterminatedComment))
        {
            // Parsing these would recurse too deep or swallow the file; the scanner's message says all.
            return new CompilationUnit([], new TextSpan(0, source.Text.Length));
        }

        var result = File.Parse(source.Text);
        var unit = result.Success
            ? result.Value
            : new CompilationUnit([ToErrorItem(result.Error!, source.Text.Length)],
            new TextSpan(0, source.Text.Length));
        ReportErrors(unit.Items, source, diagnostics, firstError);
        if (FirstTooDeep(unit.Items) is { } deep)
        {
            diagnostics.Report(DiagnosticCatalog.ExpressionTooDeep, source, new TextSpan(deep.Span.Start, 0),
                Limits.MaxExpressionDepth);
        }
        if (CountItems(unit.Items) > Limits.MaxItems)
        {
            diagnostics.Report(DiagnosticCatalog.TooMany, source, new TextSpan(0, 0), Limits.MaxItems);
        }
        else if (CountBlocks(unit.Items) > Limits.MaxBlocks)
        {
            diagnostics.Report(DiagnosticCatalog.TooManyBlocks, source, new TextSpan(0, 0), Limits.MaxBlocks);
        }

        return unit;
    }

    /// <summary>
    /// The first expression nested deeper than <see cref="Limits.MaxExpressionDepth"/>. Walks with its
    /// own stack: recursion here would overflow on exactly the input it guards against.
    /// </summary>
    private static Expr? FirstTooDeep(ImmutableArray<Item> items)
    {
        var exprs = new Stack<(Expr Expr, int Depth)>();
        var blocks = new Stack<ImmutableArray<Item>>();
        blocks.Push(items);
        while (blocks.Count > 0)
        {
            foreach (var item in blocks.Pop())
            {
                switch (item)
                {
                    case BlockItem b:
                        blocks.Push(b.Members);
                        break;
                    case LetItem l:
                        exprs.Push((l.Value, 1));
                        break;
                    case PropertyItem p:
                        exprs.Push((p.Value, 1));
                        break;
                    case BudgetItem g:
                        exprs.Push((g.Limit, 1));
                        break;
                }
            }

            while (exprs.Count > 0)
            {
                var (e, depth) = exprs.Pop();
                if (depth > Limits.MaxExpressionDepth)
                {
                    return e;
                }

                switch (e)
                {
                    case UnaryExpr u:
                        exprs.Push((u.Operand, depth + 1));
                        break;
                    case ParenExpr p:
                        exprs.Push((p.Inner, depth + 1));
                        break;
                    case MemberExpr m:
                        exprs.Push((m.Target, depth + 1));
                        break;
                    case BinaryExpr b:
                        exprs.Push((b.Right, depth + 1));
                        exprs.Push((b.Left, depth + 1));
                        break;
                }
            }
        }

        return null;
    }

    private static int CountItems(ImmutableArray<Item> items) =>
        items.Sum(i => 1 + (i is BlockItem b ? CountItems(b.Members) : 0));

    private static int CountBlocks(ImmutableArray<Item> items) =>
        items.Sum(i => i is BlockItem b ? 1 + CountBlocks(b.Members) : 0);

    private static void ReportErrors(ImmutableArray<Item> items, SourceText source, DiagnosticBag diagnostics,
        int firstError)
    {
        foreach (var item in items)
        {
            if (item is ErrorItem err)
            {
                // After the scanner's first error the parser's view of the text is unreliable.
                if (err.ErrorOffset < firstError)
                {
                    // At the end of the file there is no token: the span is empty rather than past the end.
                    int len = Math.Min(Math.Max(1, Math.Min(TokenLength(source.Text, err.ErrorOffset), 80)),
                        source.Text.Length - err.ErrorOffset);
                    string unexpected = len > 1 ? $"'{source.Text.Substring(err.ErrorOffset, len)}'" : err.Unexpected;
                    diagnostics.Report(
                        DiagnosticCatalog.SyntaxError, source, new TextSpan(err.ErrorOffset, len), unexpected,
                        err.Expected);
                }
            }
            else if (item is BlockItem block)
            {
                ReportErrors(block.Members, source, diagnostics, firstError);
            }
        }
    }

    private static int TokenLength(string text, int offset)
    {
        if (offset >= text.Length)
        {
            return 0;
        }

        int i = offset;
        while (i < text.Length && Scanner.IsIdentChar(text[i]))
        {
            i++;
        }

        return Math.Max(i - offset, 1);
    }

    private static ErrorItem ToErrorItem(ParseError<char> error, int end)
    {
        string unexpected = error.EOF
            ? "end of file"
            : error.Unexpected.HasValue ? Scanner.Describe(error.Unexpected.Value.ToString()) : "input";
        var expected = error.Expected
            .Select(e => e.Label ?? (e.Tokens.IsDefaultOrEmpty ? null : "'" + new string([.. e.Tokens]) + "'"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        string expectedText = expected.Count switch
        {
            0 => error.Message ?? "something else",
            1 => expected[0],
            _ => string.Join(", ", expected.Take(expected.Count - 1)) + " or " + expected[^1],
        };
        int offset = (int)Math.Min(error.ErrorOffsetLong, int.MaxValue);
        return new ErrorItem(offset, unexpected, expectedText, TextSpan.FromBounds(Math.Min(offset, end), end));
    }

    private static Parser<char, Item> BlockOf(string keyword, BlockKind kind, Parser<char, Identifier?> basePart) =>
        Map(
        (s, name, b, body) => (Item)new BlockItem(kind, name, b, body.Members, TextSpan.FromBounds(s, body.End)),
        CurrentOffset.Before(Keyword(keyword)),
        Ident,
        basePart,
        Body);

    // The offset just after a closing bracket, before the whitespace that follows it.
    private static Parser<char, int> CloseEnd(char c) => Char(c).Then(CurrentOffset).Before(Whitespace);

    private static Parser<char, Expr> BinaryLayer(Parser<char, Expr> operand, char op1, char op2) => Map(
        (first, rest) => rest.Aggregate(
            first, (l, r) => new BinaryExpr(l, r.Op, r.Right, TextSpan.FromBounds(l.Span.Start, r.Right.Span.End))),
        operand,
        Map((op, right) => (Op: op, Right: right), Tok(OneOf(Char(op1), Char(op2))), operand).Many());

    private static Parser<char, T> Tok<T>(Parser<char, T> p) => p.Before(Whitespace);

    private static Parser<char, char> Sym(char c) => Tok(Char(c));

    private static Parser<char, string> Keyword(string word) =>
        Tok(Try(String(word).Before(Not(Lookahead(Token(Scanner.IsIdentChar)))))).Labelled($"'{word}'");

    /// <summary>
    /// Skips blanks and comments. It never fails: an unterminated block comment never reaches the parser,
    /// since the scanner reports it and <see cref="Parse"/> stops before parsing.
    /// </summary>
    private sealed class WhitespaceParser : Parser<char, Unit>
    {
        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds,
            out Unit result)
        {
            result = Pidgin.Unit.Value;
            while (state.HasCurrent)
            {
                char c = state.Current;
                if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
                {
                    state.Advance();
                    continue;
                }

                var next = state.LookAhead(2);
                if (c != '/' || next.Length < 2 || next[1] is not ('/' or '*'))
                {
                    break;
                }

                bool block = next[1] == '*';
                state.Advance(2);
                while (state.HasCurrent)
                {
                    if (!block && state.Current == '\n')
                    {
                        break;
                    }

                    if (block && state.Current == '*' && state.LookAhead(2) is [_, '/'])
                    {
                        state.Advance(2);
                        break;
                    }

                    state.Advance();
                }
            }

            return true;
        }
    }

    private static double ParseNumber(string text)
    {
        return double.TryParse(
            text.Replace("_", "", StringComparison.Ordinal),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out double value) ? value : double.NaN;
    }

    private static int ParseExponent(bool negative, string digits)
    {
        bool ok = int.TryParse(digits.Replace("_", "", StringComparison.Ordinal), NumberStyles.None,
            CultureInfo.InvariantCulture, out int n);
        n = ok && n <= 99 ? n : 99;
        return negative ? -n : n;
    }
}
