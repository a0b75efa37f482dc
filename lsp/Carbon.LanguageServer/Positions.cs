using Carbon.Compiler.Text;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer;

/// <summary>
/// The one place that converts between protocol positions (zero-based lines, UTF-16 characters) and
/// the compiler's offsets. <see cref="SourceText"/> already counts UTF-16 units from 1, so this is
/// only an off-by-one and clamping layer: a position past the end of a line means the line's end,
/// and a line past the end of the text means the text's end, as the specification asks.
/// </summary>
public static class Positions
{
    public static int ToOffset(SourceText text, Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= text.LineCount)
        {
            return text.Text.Length;
        }

        int start = LineStart(text, position.Line);
        int end = LineContentEnd(text, position.Line);
        return start + Math.Clamp(position.Character, 0, end - start);
    }

    public static Position ToPosition(SourceText text, int offset)
    {
        var p = text.GetPosition(offset);
        return new Position(p.Line - 1, p.Column - 1);
    }

    public static Protocol.Range ToRange(SourceText text, TextSpan span) =>
        new(ToPosition(text, span.Start), ToPosition(text, span.End));

    /// <summary>The position just after the last character of a zero-based line, before its line break.</summary>
    public static Position EndOfLine(SourceText text, int line)
    {
        line = Math.Clamp(line, 0, text.LineCount - 1);
        return new Position(line, LineContentEnd(text, line) - LineStart(text, line));
    }

    /// <summary>The zero-based line of an offset.</summary>
    public static int LineOf(SourceText text, int offset) => text.GetPosition(offset).Line - 1;

    private static int LineStart(SourceText text, int line) => text.GetOffset(line + 1, 1);

    private static int LineContentEnd(SourceText text, int line)
    {
        int end = line + 1 < text.LineCount ? text.GetOffset(line + 2, 1) : text.Text.Length;
        int start = LineStart(text, line);
        while (end > start && text.Text[end - 1] is '\n' or '\r')
        {
            end--;
        }

        return end;
    }
}
