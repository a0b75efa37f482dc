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
                while (i < t.Length && t[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < t.Length && t[i + 1] == '*')
            {
                int end = t.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    Report(DiagnosticCatalog.UnterminatedComment, i, 2);
                    return firstError;
                }

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

                        Report(DiagnosticCatalog.InvalidEscape, i, 2);
                        i++;
                        continue;
                    }

                    if (t[i] == '"')
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    i++;
                }

                if (!closed)
                {
                    Report(DiagnosticCatalog.UnterminatedString, start, i - start);
                }
                else if (i - start - 2 > Limits.MaxStringLength)
                {
                    Report(DiagnosticCatalog.TooLong, start, i - start, "string", i - start - 2, Limits.MaxStringLength);
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
                    i += char.IsHighSurrogate(t[i]) && i + 1 < t.Length ? 2 : 1;
                }

                int first = char.IsHighSurrogate(c) && start + 1 < t.Length ? 2 : 1;
                Report(DiagnosticCatalog.InvalidCharacter, start, i - start, Describe(t.Substring(start, first)));
            }
        }

        return firstError;
    }

    private static bool IsValidStart(string t, int i)
    {
        char c = t[i];
        return IsIdentChar(c) || IsAllowedPunctuation(c) || c is ' ' or '\t' or '\r' or '\n' or '"' or '{' or '}' or '(' or ')';
    }

    public static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>A character as a message shows it: quoted if printable ASCII, else its code point.</summary>
    public static string Describe(string s)
    {
        if (s.Length == 1 && s[0] > ' ' && s[0] < 127)
        {
            return $"'{s}'";
        }

        int cp = char.ConvertToUtf32(s, 0);
        return "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static bool IsAllowedPunctuation(char c) => c is '=' or '+' or '-' or '*' or '/' or '.' or ',' or ';'
        or ':' or '%' or '^' or '<' or '>';
}
