using System.Text;
using Carbon.Compiler;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Fuzz;

/// <summary>
/// The fuzz targets. Each takes one input and throws when the compiler breaks a promise: an
/// exception escaping the compiler, a printed tree that does not parse back to the same text, a
/// compiled program that disagrees with the interpreter, a report writer that fails. Diagnostics are
/// the expected answer to bad input and are not failures.
/// </summary>
internal static class Targets
{
    public static readonly Dictionary<string, Action<string>> ByName = new(StringComparer.Ordinal)
    {
        ["parser"] = Parse,
        ["checker"] = Check,
        ["pipeline"] = Pipeline,
    };

    /// <summary>
    /// UTF-8 as files are read, replacing invalid bytes; an input starting with 0xFF is read as
    /// UTF-16 instead, which reaches what no file can but an editor's message can: lone surrogates.
    /// </summary>
    public static string Decode(byte[] bytes) =>
        bytes.Length > 0 && bytes[0] == 0xFF
            ? new string(Utf16Units(bytes.AsSpan(1)))
            : new UTF8Encoding(false, false).GetString(bytes);

    private static char[] Utf16Units(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length / 2];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        return chars;
    }

    private static void Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        var source = new SourceText("fuzz.carbon", text);
        var unit = Parser.Parse(source, diagnostics);
        CheckDiagnostics(source, diagnostics.Items);
        if (!diagnostics.HasErrors)
        {
            RoundTrip(unit);
        }
    }

    private static void Check(string text)
    {
        var compilation = CarbonCompilation.Create(new SourceText("fuzz.carbon", text));
        CheckDiagnostics(compilation.Root, compilation.Diagnostics);
        if (compilation.Interpret() is { } report)
        {
            foreach (string format in ReportFormats.Names)
            {
                _ = ReportFormats.Write(format, report);
            }
        }
    }

    private static void Pipeline(string text)
    {
        var compilation = CarbonCompilation.Create(new SourceText("fuzz.carbon", text));
        var interpreted = compilation.Interpret();
        if (interpreted is null)
        {
            return;
        }

        RoundTrip(compilation.Syntax);
        var run = compilation.Run(TimeSpan.FromSeconds(10));
        if (run.Diagnostics.FirstOrDefault(d => d.Code.StartsWith("CB5", StringComparison.Ordinal))
            is { } internalError)
        {
            // CB5004 (a non-finite result) is the one CB5 code bad input may cause; the rest are ours.
            if (internalError.Code != "CB5004")
            {
                throw new InvalidOperationException(
                    "internal error on valid input: " + internalError.ToMsBuildString());
            }

            return;
        }

        var compiled = run.Report ?? throw new InvalidOperationException("no report and no diagnostic");
        for (int c = 0; c < compiled.Campaigns.Count; c++)
        {
            var a = compiled.Campaigns[c].Lines;
            var b = interpreted.Campaigns[c].Lines;
            for (int i = 0; i < a.Count; i++)
            {
                if (!a[i].Figures.ToArray().SequenceEqual(b[i].Figures.ToArray()))
                {
                    throw new InvalidOperationException($"line {a[i].Name}: compiled and interpreted figures differ");
                }
            }
        }

        foreach (string format in ReportFormats.Names)
        {
            if (ReportFormats.Write(format, compiled) != ReportFormats.Write(format, interpreted))
            {
                throw new InvalidOperationException($"the {format} reports of the two paths differ");
            }
        }
    }

    private static void RoundTrip(CompilationUnit unit)
    {
        string printed = SyntaxPrinter.Print(unit);
        var again = new DiagnosticBag();
        var reparsed = Parser.Parse(new SourceText("printed.carbon", printed), again);
        if (again.HasErrors)
        {
            throw new InvalidOperationException(
                "printed text does not parse: " + again.Items[0].ToMsBuildString() + "\n" + printed);
        }

        if (SyntaxPrinter.Print(reparsed) != printed)
        {
            throw new InvalidOperationException("printing is not stable:\n" + printed);
        }
    }

    private static void CheckDiagnostics(SourceText source, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            // Every diagnostic must point into the text and render without throwing.
            if (d.Source == source && (d.Span.Start < 0 || d.Span.End > source.Text.Length))
            {
                throw new InvalidOperationException(
                    $"{d.Code} has span {d.Span} outside a text of {source.Text.Length}");
            }

            _ = d.ToMsBuildString();
        }
    }
}
