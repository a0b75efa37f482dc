namespace Carbon.Compiler.Reporting;

/// <summary>The report formats, by the name the command line takes.</summary>
public static class ReportFormats
{
    private static readonly Dictionary<string, Func<FootprintReport, string>> Writers = new(StringComparer.Ordinal)
    {
        ["table"] = TableReportWriter.Write,
        ["json"] = JsonReportWriter.Write,
        ["markdown"] = MarkdownReportWriter.Write,
        ["html"] = HtmlReportWriter.Write,
        ["hf"] = HuggingFaceWriter.Write,
    };

    public static IEnumerable<string> Names => Writers.Keys;

    public static string Write(string format, FootprintReport report) => Writers[format](report);

    internal static void Register(string name, Func<FootprintReport, string> writer) => Writers[name] = writer;
}
