namespace Carbon.Compiler.Diff;

/// <summary>The diff formats, by the name <c>carbonc diff --format</c> takes.</summary>
public static class DiffFormats
{
    private static readonly Dictionary<string, Func<DiffDocument, string>> Writers = new(StringComparer.Ordinal)
    {
        ["table"] = DiffTableWriter.Write,
        ["json"] = DiffJsonWriter.Write,
        ["markdown"] = DiffMarkdownWriter.Write,
    };

    public static IEnumerable<string> Names => Writers.Keys;

    public static string Write(string format, DiffDocument doc) => Writers[format](doc);
}
