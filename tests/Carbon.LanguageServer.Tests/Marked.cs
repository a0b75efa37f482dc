namespace Carbon.LanguageServer.Tests;

/// <summary>
/// Sample text with a cursor marker <c>$0</c>: the text without it, and the marker's protocol position.
/// </summary>
internal sealed record Marked(string Text, int Line, int Character)
{
    public static Marked Parse(string marked)
    {
        int at = marked.IndexOf("$0", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("The sample has no $0 marker.", nameof(marked));
        }

        string text = marked.Remove(at, 2);
        string before = text[..at];
        int line = before.Count(c => c == '\n');
        int character = at - (before.LastIndexOf('\n') + 1);
        return new Marked(text, line, character);
    }

    public object Position => new { line = Line, character = Character };
}
