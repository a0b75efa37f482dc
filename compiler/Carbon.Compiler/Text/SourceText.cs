namespace Carbon.Compiler.Text;

/// <summary>
/// The text of one source file with its line map. Line and column numbers are 1-based and count
/// UTF-16 code units, the unit the language server protocol uses too. A byte-order mark is dropped
/// and CRLF counts as one line break, so the same file saved either way gives the same positions.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        lineStarts = ComputeLineStarts(Text);
    }

    /// <summary>The path as the user gave it; used only in messages.</summary>
    public string Path { get; }

    public string Text { get; }

    public int LineCount => lineStarts.Length;

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, offset - lineStarts[line] + 1);
    }

    /// <summary>The offset of a 1-based line and column, clamped to the text.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 1)
        {
            return 0;
        }

        if (line > lineStarts.Length)
        {
            return Text.Length;
        }

        int start = lineStarts[line - 1];
        int end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        return Math.Min(start + Math.Max(column - 1, 0), end);
    }

    public string GetLine(int line)
    {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\r', '\n');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                starts.Add(i + 1);
            }
            else if (c is '\n' or '\r')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}

/// <summary>A 1-based line and column.</summary>
public readonly record struct LinePosition(int Line, int Column);

/// <summary>A range of a source text: start offset and length in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(end - start, 0));

    public bool Contains(int offset) => offset >= Start && offset <= End;
}
