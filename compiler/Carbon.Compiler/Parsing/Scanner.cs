using System.Globalization;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Parsing;

/// <summary>
/// A linear pass over the text before parsing. It finds what a combinator parser would report
/// badly or not at all: unterminated strings and comments, characters outside the language,
/// over-long tokens and nesting deeper than <see cref="Limits.MaxNesting"/> (which would otherwise
/// recurse without bound). It returns the offset of the first error, after which the parser's own
/// errors are not reported, so one mistake gives one message.
/// </summary>
internal static class Scanner
{
    public static int Scan(SourceText source, DiagnosticBag diagnostics)
    {
        string t = source.Text;
        int firstError = int.MaxValue;
        int depth = 0;
        int i = 0;

        void Report(DiagnosticDescriptor d, int start, int length, params object[] args)
        {
            firstError = Math.Min(firstError, start);
            diagnostics.Report(d, source, new TextSpan(start, length), args);
        }

        while (i < t.Length)
        {
            char c = t[i];
            if (c == '/' && i + 1 < t.Length && t[i + 1] == '/')
            {
                int end = t.IndexOf('\n', i);
                end = end < 0 ? t.Length : end;
                CheckText(i + 2, end, inString: false);
                i = end;
            }
            else if (c == '/' && i + 1 < t.Length && t[i + 1] == '*')
            {
                int end = t.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Report(DiagnosticCatalog.UnterminatedComment, i, 2);
                    return firstError;
                }

                CheckText(i + 2, end, inString: false);
                i = end + 2;
            }
            else if (c == '"')
            {
                int start = i++;
                bool closed = false;
                while (i < t.Length && t[i] != '\n' && t[i] != '\r')
                {
                    if (t[i] == '\\')
                    {
                        if (i + 1 < t.Length && t[i + 1] is '"' or '\\')
                        {
                            i += 2;
                            continue;
                        }

                        Report(DiagnosticCatalog.InvalidEscape, i, Math.Min(2, t.Length - i));
                        i++;
                        continue;
                    }

                    if (t[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    i += CheckChar(i, inString: true);
                }

                if (!closed)
                {
                    Report(DiagnosticCatalog.UnterminatedString, start, i - start);
                }
                else if (i - start - 2 > Limits.MaxStringLength)
                {
                    Report(DiagnosticCatalog.TooLong, start, i - start, "string", i - start - 2,
                        Limits.MaxStringLength);
                }
            }
            else if (IsIdentStart(c) || char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < t.Length && (IsIdentChar(t[i]) || (char.IsAsciiDigit(c) && t[i] == '.')))
                {
                    i++;
                }

                int limit = char.IsAsciiDigit(c) ? Limits.MaxNumberLength : Limits.MaxNameLength;
                if (i - start > limit)
                {
                    string what = char.IsAsciiDigit(c) ? "number" : "name";
                    Report(DiagnosticCatalog.TooLong, start, i - start, what, i - start, limit);
                }
            }
            else if (c is '{' or '(')
            {
                depth++;
                if (depth > Limits.MaxNesting)
                {
                    Report(DiagnosticCatalog.TooDeep, i, 1, Limits.MaxNesting);
                    return firstError;
                }

                i++;
            }
            else if (c is '}' or ')')
            {
                depth = Math.Max(0, depth - 1);
                i++;
            }
            else if (IsAllowedPunctuation(c) || c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }
            else
            {
                // A run of invalid characters is one mistake, reported once.
                int start = i;
                while (i < t.Length && !IsValidStart(t, i))
                {
                    i += i + 1 < t.Length && char.IsSurrogatePair(t[i], t[i + 1]) ? 2 : 1;
                }

                int first = start + 1 < t.Length && char.IsSurrogatePair(c, t[start + 1]) ? 2 : 1;
                Report(DiagnosticCatalog.InvalidCharacter, start, i - start, Describe(t.Substring(start, first)));
            }
        }

        return firstError;

        // Strings reach reports and terminals, comments reach reviewers' screens: characters that
        // reorder or hide text there (Trojan Source), control codes that drive a terminal, and
        // unpaired surrogates (not encodable as UTF-8) are refused in both.
        void CheckText(int start, int end, bool inString)
        {
            for (int k = start; k < end;)
            {
                k += CheckChar(k, inString);
            }
        }

        int CheckChar(int k, bool inString)
        {
            char ch = t[k];
            if (char.IsSurrogate(ch))
            {
                if (char.IsHighSurrogate(ch) && k + 1 < t.Length && char.IsLowSurrogate(t[k + 1]))
                {
                    return 2;
                }

                Report(DiagnosticCatalog.UnpairedSurrogate, k, 1, Describe(t.Substring(k, 1)));
            }
            else if (IsBidiControl(ch))
            {
                Report(DiagnosticCatalog.BidiControl, k, 1, Describe(t.Substring(k, 1)), inString ? "string"
                    : "comment");
            }
            else if (inString && char.IsControl(ch))
            {
                Report(DiagnosticCatalog.ControlInString, k, 1, Describe(t.Substring(k, 1)));
            }

            return 1;
        }
    }

    private static bool IsValidStart(string t, int i)
    {
        char c = t[i];
        return IsIdentChar(c) || IsAllowedPunctuation(c)
            || c is ' ' or '\t' or '\r' or '\n' or '"' or '{' or '}' or '(' or ')';
    }

    /// <summary>The explicit directional marks, embeddings, overrides and isolates of Unicode.</summary>
    public static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A character as a message shows it: quoted if printable ASCII, else its code point.</summary>
    public static string Describe(string s)
    {
        if (s.Length == 1 && s[0] > ' ' && s[0] < 127)
        {
            return $"'{s}'";
        }

        // An unpaired surrogate has no code point; its UTF-16 unit is shown instead of throwing.
        int cp = s.Length == 2 && char.IsSurrogatePair(s[0], s[1]) ? char.ConvertToUtf32(s[0], s[1]) : s[0];
        return "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static bool IsAllowedPunctuation(char c) => c is '=' or '+' or '-' or '*' or '/' or '.' or ',' or ';'
        or ':' or '%' or '^' or '<' or '>';
}
