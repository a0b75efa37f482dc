using Carbon.Compiler.Syntax;

namespace Carbon.LanguageServer.Capabilities;

internal enum TokKind
{
    Ident,
    Number,
    String,
    Punct,
}

/// <summary>A token of the light lexer completion uses: kind and span, with the line it starts on.</summary>
internal readonly record struct Tok(TokKind Kind, int Start, int End, int Line);

/// <summary>A name declared at the top level of the document, found lexically.</summary>
internal sealed record DeclaredName(string Name, string Keyword, string? Base);

/// <summary>
/// Where the cursor is, worked out from the text alone so that completion works in files that do
/// not parse: the blocks around it (by counting braces and reading each block's header), the
/// tokens of the statement it is in, the word being typed, and the names the file declares.
/// </summary>
internal sealed class CompletionContext
{
    private static readonly string[] BlockKeywords = ["site", "hardware", "campaign", "stage", "run", "embodied"];

    private CompletionContext(string text, int wordStart, int cursor)
    {
        Text = text;
        WordStart = wordStart;
        Cursor = cursor;
    }

    public string Text { get; }

    public int WordStart { get; }

    public int Cursor { get; }

    public string Prefix => Text[WordStart..Cursor];

    /// <summary>True inside a comment or a string: nothing is offered there.</summary>
    public bool Quiet { get; private set; }

    /// <summary>
    /// The blocks that enclose the cursor, outermost first; null for a block whose header is unreadable.
    /// </summary>
    public List<BlockKind?> Enclosing { get; } = [];

    /// <summary>The tokens before the word, since the last brace at the cursor's depth.</summary>
    public List<Tok> Tokens { get; } = [];

    public List<DeclaredName> Declared { get; } = [];

    /// <summary>The innermost block, or null at the top level or in an unreadable block.</summary>
    public BlockKind? Block => Enclosing.Count == 0 ? null : Enclosing[^1];

    public bool TopLevel => Enclosing.Count == 0;

    public string TextOf(Tok t) => Text[t.Start..t.End];

    public bool Is(Tok t, string s) =>
        t.End - t.Start == s.Length && string.CompareOrdinal(Text, t.Start, s, 0, s.Length) == 0;

    /// <summary>The token <paramref name="back"/> places before the word (1 = the last one), if any.</summary>
    public Tok? Back(int back) => Tokens.Count >= back ? Tokens[^back] : null;

    /// <summary>
    /// True when only spaces or tabs separate the token from the word (no line break, but some space).
    /// </summary>
    public bool SpaceOnSameLine(Tok t)
    {
        if (t.End == WordStart)
        {
            return false;
        }

        for (int i = t.End; i < WordStart; i++)
        {
            if (Text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    public bool Adjacent(Tok t) => t.End == WordStart;

    public static CompletionContext Analyse(string text, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, text.Length);
        int wordStart = cursor;
        while (wordStart > 0 && IsIdentChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        // A word that starts with digits is a number, perhaps with a unit glued on ("649W").
        while (wordStart < cursor && char.IsAsciiDigit(text[wordStart]))
        {
            int n = wordStart;
            while (n < cursor && (char.IsAsciiDigit(text[n]) || text[n] is '_' or '.'))
            {
                n++;
            }

            wordStart = n;
        }

        var context = new CompletionContext(text, wordStart, cursor);
        context.Scan();
        return context;
    }

    private static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // One pass over the whole text: the brace stack and the statement tokens up to the word, and the
    // names declared at depth 0 anywhere in the file (a name may be used above its declaration).
    private void Scan()
    {
        string s = Text;
        int i = 0;
        int line = 0;
        int depth = 0;
        bool beforeWord = true;
        var levelTokens = new List<Tok>();
        var stack = new List<BlockKind?>();
        var topLevel = new List<Tok>();
        while (i < s.Length)
        {
            if (beforeWord && i >= WordStart)
            {
                beforeWord = false;
                Tokens.AddRange(levelTokens);
                Enclosing.AddRange(stack);
            }

            char c = s[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }

                MarkQuiet(start, i, inclusiveEnd: true);
                continue;
            }

            if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                int close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                int end = close < 0 ? s.Length : close + 2;
                line += s.AsSpan(i, end - i).Count('\n');
                i = end;
                MarkQuiet(start, close < 0 ? end : end - 2, inclusiveEnd: close < 0);
                continue;
            }

            Tok tok;
            if (c == '"')
            {
                i++;
                while (i < s.Length && s[i] is not ('"' or '\n'))
                {
                    i += s[i] == '\\' && i + 1 < s.Length && s[i + 1] != '\n' ? 2 : 1;
                }

                bool closed = i < s.Length && s[i] == '"';
                MarkQuiet(start, i, inclusiveEnd: !closed);
                if (closed)
                {
                    i++;
                }

                tok = new Tok(TokKind.String, start, i, line);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < s.Length && IsIdentChar(s[i]))
                {
                    i++;
                }

                tok = new Tok(TokKind.Ident, start, i, line);
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ScanNumber(s, i);
                tok = new Tok(TokKind.Number, start, i, line);
            }
            else
            {
                i += c == '<' && i + 1 < s.Length && s[i + 1] == '=' ? 2 : 1;
                tok = new Tok(TokKind.Punct, start, i, line);
            }

            // The word being completed is not a token of the context.
            if (tok.Start >= WordStart && tok.Start < Cursor && tok.Kind == TokKind.Ident)
            {
                continue;
            }

            if (depth == 0)
            {
                topLevel.Add(tok);
            }

            if (c == '{')
            {
                stack.Add(HeaderKind(levelTokens));
                levelTokens.Clear();
                depth++;
            }
            else if (c == '}')
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                depth = Math.Max(depth - 1, 0);
                levelTokens.Clear();
            }
            else if (beforeWord)
            {
                levelTokens.Add(tok);
            }
        }

        if (beforeWord)
        {
            Tokens.AddRange(levelTokens);
            Enclosing.AddRange(stack);
        }

        CollectDeclarations(topLevel);
    }

    private void MarkQuiet(int start, int end, bool inclusiveEnd)
    {
        if (Cursor > start && (Cursor < end || (inclusiveEnd && Cursor == end)))
        {
            Quiet = true;
        }
    }

    private static int ScanNumber(string s, int i)
    {
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }

        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '_'))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
            {
                j++;
            }

            if (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                i = j;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }
            }
        }

        return i;
    }

    // keyword NAME '{' or keyword NAME ':' BASE '{' at the end of the tokens before a brace.
    private BlockKind? HeaderKind(List<Tok> before)
    {
        int n = before.Count;
        Tok? keyword = n >= 2 ? before[n - 2] : null;
        if (n >= 4 && Is(before[n - 2], ":"))
        {
            keyword = before[n - 4];
        }

        if (keyword is not { Kind: TokKind.Ident } k)
        {
            return null;
        }

        string word = TextOf(k);
        return Array.IndexOf(BlockKeywords, word) < 0 ? null : Enum.Parse<BlockKind>(word, ignoreCase: true);
    }

    private void CollectDeclarations(List<Tok> tokens)
    {
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            var t = tokens[k];
            var name = tokens[k + 1];
            if (t.Kind != TokKind.Ident || name.Kind != TokKind.Ident || (k > 0 && !StatementBoundary(tokens[k - 1])))
            {
                continue;
            }

            string keyword = TextOf(t);
            if (keyword is "let" or "site" or "hardware")
            {
                string? baseName = k + 3 < tokens.Count && Is(tokens[k + 2], ":") && tokens[k + 3].Kind == TokKind.Ident
                    ? TextOf(tokens[k + 3])
                    : null;
                Declared.Add(new DeclaredName(TextOf(name), keyword, baseName));
            }
        }
    }

    // A declaration keyword counts only where a new item can start, not inside an expression.
    private bool StatementBoundary(Tok previous) =>
        previous.Kind is TokKind.Ident or TokKind.Number or TokKind.String
        || Is(previous, "}") || Is(previous, ";") || Is(previous, ")") || Is(previous, "%");
}
