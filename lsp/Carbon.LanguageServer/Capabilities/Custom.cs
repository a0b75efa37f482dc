using Carbon.Compiler.Reporting;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// The requests the VS Code extension adds: <c>carbon/report</c> (the CLI's report of a document,
/// from the same evaluation) and <c>carbon/generatedCSharp</c> (the program the document lowers to).
/// </summary>
public static class Custom
{
    public static ContentResult Report(DocumentAnalysis analysis, string format)
    {
        if (analysis.Report is not { } report)
        {
            return new ContentResult(Unavailable(analysis, "a report"));
        }

        if (ReportFormats.Names.Contains(format))
        {
            return new ContentResult(ReportFormats.Write(format, report));
        }

        // Until the compiler has a Markdown writer, Markdown readers get the table in a code block.
        if (format == "markdown")
        {
            return new ContentResult("```text\n" + ReportFormats.Write("table", report).TrimEnd('\n') + "\n```\n");
        }

        throw new StreamJsonRpc.LocalRpcException(
            $"Unknown report format '{format}'; known: " +
            $"{string.Join(", ", ReportFormats.Names.Append("markdown").Distinct())}.")
        {
            ErrorCode = ErrorCodes.InvalidParams,
        };
    }

    public static ContentResult GeneratedCSharp(DocumentAnalysis analysis) =>
        new(analysis.Compilation.EmitCSharp() ?? Unavailable(analysis, "generated C#"));

    private static string Unavailable(DocumentAnalysis analysis, string what)
    {
        int errors = analysis.Compilation.Diagnostics.Count(d => d.Severity == Compiler.Diagnostics.Severity.Error);
        var first = analysis.Compilation.Diagnostics
            .FirstOrDefault(d => d.Severity == Compiler.Diagnostics.Severity.Error);
        return $"No {what}: the file has {errors} error(s)." +
            (first is null ? "" : " First: " + first.ToMsBuildString());
    }
}
