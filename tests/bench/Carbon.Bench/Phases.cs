using System.Diagnostics;
using System.Globalization;
using Carbon.Compiler;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Carbon.Bench;

/// <summary>
/// A quick Stopwatch split of the pipeline by phase, for finding hot spots between BenchmarkDotNet runs:
/// scanner + parser, parse + bind, lowering, and Roslyn's parse of the lowered C#. Best of five runs.
/// </summary>
internal static class Phases
{
    public static void Run(int lines, string? only, TextWriter output)
    {
        Only = only;
        var campaign = Campaign.Create(lines);
        var source = new SourceText("generated.carbon", campaign.Carbon);
        var compilation = CarbonCompilation.Create(source);
        Report(output, lines, "parse", () => Parser.Parse(source, new DiagnosticBag()));
        Report(output, lines, "parse + check", () => CarbonCompilation.Create(source));
        Report(output, lines, "lower", () => compilation.EmitCSharp());
        Report(output, lines, "Roslyn parse", () => CSharpSyntaxTree.ParseText(campaign.CSharp).GetRoot());
    }

    private static string? Only { get; set; }

    private static void Report(TextWriter output, int lines, string phase, Func<object?> action)
    {
        if (Only is not null && !phase.StartsWith(Only, StringComparison.Ordinal))
        {
            return;
        }

        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines,8} lines  {phase,-14} {best,10:0.0} ms"));
    }
}
