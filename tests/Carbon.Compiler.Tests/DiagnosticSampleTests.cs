using System.Reflection;
using System.Text.RegularExpressions;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>
/// One sample per diagnostic code under Samples/diagnostics, named after the code. Each sample ends with
/// <c>// expect: CODE (line,col)</c> lines; the test asserts the compiler reports exactly those, which
/// also proves that one mistake does not cascade into several messages.
/// </summary>
public sealed partial class DiagnosticSampleTests
{
    // Codes whose tests live elsewhere, each with the reason.
    private static readonly Dictionary<string, string> TestedElsewhere = new()
    {
        ["CB0001"] = "command line: CliTests",
        ["CB0002"] = "command line: CliTests",
        ["CB0003"] = "internal error; cannot be caused by input",
        ["CB0004"] = "command line: CliTests",
        ["CB5001"] = "internal: AllowListTests",
        ["CB5002"] = "internal: the generated code always compiles",
        ["CB5003"] = "internal: InMemoryCompilerTests",
        ["CB5004"] = "internal: results are finite once CB3010 holds",
        ["CB6001"] = "budgets need evaluation: budget tests",
        ["CB6002"] = "budgets need evaluation: budget tests",
        ["CB7001"] = "imports need a resolver: import tests",
        ["CB7002"] = "imports need a resolver: import tests",
        ["CB7003"] = "imports need a resolver: import tests",
        ["CB7004"] = "imports need a resolver: import tests",
        ["CB9002"] = "a 32 MiB file: LimitTests",
        ["CB9004"] = "a million declarations: LimitTests",
        ["CB9005"] = "imports need a resolver: import tests",
        ["CB0010"] = "git: tests/Carbon.Cli.Tests ProcessTests (missing git)",
        ["CB0011"] = "git: tests/Carbon.Cli.Tests DiffTests",
        ["CB0012"] = "git: tests/Carbon.Cli.Tests DiffTests (shallow clone)",
        ["CB0013"] = "git: tests/Carbon.Cli.Tests DiffTests",
        ["CB0014"] = "NOT TESTED: a git failure other than those above; needs a broken git to provoke",
        ["CB0015"] = "git: tests/Carbon.Cli.Tests DiffTests",
        ["CB0016"] = "command line: tests/Carbon.Cli.Tests CheckTests",
        ["CB0017"] = "git: tests/Carbon.Cli.Tests DiffTests",
        ["CB0018"] = "git: tests/Carbon.Cli.Tests DiffTests",
        ["CB6006"] = "change budgets need two revisions: tests/Carbon.Cli.Tests",
        ["CB6007"] = "change budgets need two revisions: tests/Carbon.Cli.Tests",
        ["CB6008"] = "budget evaluation: tests/Carbon.Cli.Tests CheckTests",
        ["CB6009"] = "NOT TESTED yet (issue 4): a percentage budget on a figure that was zero at the base",
        ["CB9006"] = "long operator chains: Hostile/RegressionTests",
        ["CB9007"] = "ten thousand blocks: Hostile/RegressionTests",
        ["CB9008"] = "control characters: Hostile corpus",
        ["CB9009"] = "bidirectional controls: Hostile corpus",
        ["CB9010"] = "lone surrogates cannot be saved as UTF-8: Hostile/RegressionTests",
    };

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Samples, "diagnostics"), "*.carbon")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_reports_exactly_its_expected_diagnostics(string file)
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Samples, "diagnostics", file));
        var expected = ExpectLine().Matches(text).Select(m => $"{m.Groups[1].Value} ({m.Groups[2].Value})")
            .Order(StringComparer.Ordinal).ToList();
        var compilation = CarbonCompilation.Create(new SourceText(file, text));
        var actual = compilation.Diagnostics
            .Select(d => $"{d.Code} ({d.Start.Line},{d.Start.Column})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.StartsWith(file[..6], expected[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_diagnostic_code_has_a_sample_or_a_named_test_elsewhere()
    {
        var codes = typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Code)
            .ToList();
        var samples = Directory.GetFiles(Path.Combine(TestPaths.Samples, "diagnostics"), "*.carbon")
            .Select(f => Path.GetFileName(f)[..6])
            .ToHashSet(StringComparer.Ordinal);

        var missing = codes.Where(c => !samples.Contains(c) && !TestedElsewhere.ContainsKey(c)).ToList();

        Assert.Empty(missing);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex(@"^// expect: (CB\d{4}) \((\d+,\d+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
