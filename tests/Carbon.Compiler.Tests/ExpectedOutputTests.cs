using System.Globalization;
using System.Text;
using Carbon.Cli;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>
/// Whole-file expectations. Every example has its diagnostics, generated C# and JSON report kept under
/// Expected/examples; every diagnostic sample has its annotated diagnostics beside it. A missing or
/// changed file fails the test; CARBON_UPDATE_EXPECTED=1 rewrites them, and the diff is then reviewed.
/// </summary>
public sealed class ExpectedOutputTests
{
    private static string ExpectedDir =>
        Path.Combine(TestPaths.RepoRoot, "tests", "Carbon.Compiler.Tests", "Expected", "examples");

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(TestPaths.Examples, "*.carbon", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Examples, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> DiagnosticSamples() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Samples, "diagnostics"), "*.carbon")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_outputs_match_their_expected_files(string example)
    {
        string path = Path.Combine(TestPaths.Examples, example);
        var source = new SourceText("examples/" + example, File.ReadAllText(path));
        var compilation = CarbonCompilation.Create(source, new FileSystemResolver(TestPaths.Examples),
            TestPaths.Examples, path);
        string stem = Path.Combine(ExpectedDir, example.Replace('/', '_'));

        Compare(stem + ".diagnostics.txt", Annotate(source, compilation.Diagnostics));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        Compare(stem + ".generated.cs.txt", compilation.EmitCSharp()!);
        var result = compilation.Run();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Compare(stem + ".report.json", JsonReportWriter.Write(result.Report!));
    }

    [Theory]
    [MemberData(nameof(DiagnosticSamples))]
    public void Diagnostic_sample_annotations_match_their_expected_files(string file)
    {
        string path = Path.Combine(TestPaths.Samples, "diagnostics", file);
        var source = new SourceText(file, File.ReadAllText(path));
        var compilation = CarbonCompilation.Create(source);

        Compare(Path.ChangeExtension(path, ".diagnostics.txt"), Annotate(source, compilation.Diagnostics));
    }

    /// <summary>
    /// The source with each diagnostic written under the line it points at, as
    /// <c>//@[start:end) error CODE: message</c> (1-based columns), so a changed expectation reads like a review.
    /// </summary>
    internal static string Annotate(SourceText source, IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        var byLine = diagnostics.Where(d => d.Source == source).GroupBy(d => d.Start.Line)
            .ToDictionary(g => g.Key, g => g.ToList());
        for (int line = 1; line <= source.LineCount; line++)
        {
            sb.Append(source.GetLine(line)).Append('\n');
            foreach (var d in byLine.GetValueOrDefault(line) ?? [])
            {
                int end = d.End.Line == line ? d.End.Column : source.GetLine(line).Length + 1;
                string level = d.Severity.ToString().ToLowerInvariant();
                sb.Append(CultureInfo.InvariantCulture, $"//@[{d.Start.Column}:{end}) {level} {d.Code}: {d.Message}\n");
            }
        }

        foreach (var d in diagnostics.Where(d => d.Source != source))
        {
            sb.Append(CultureInfo.InvariantCulture, $"//@ {d.ToMsBuildString()}\n");
        }

        return sb.ToString();
    }

    internal static void Compare(string expectedPath, string actual)
    {
        if (TestPaths.UpdateExpected)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }

        Assert.True(File.Exists(expectedPath),
            $"The expected file {expectedPath} is missing; run the tests with CARBON_UPDATE_EXPECTED=1 and review it.");
        string expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
