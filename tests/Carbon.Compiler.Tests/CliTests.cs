using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Carbon.Compiler.Tests;

/// <summary>The built <c>carbonc</c>, run as a process the way CI runs it.</summary>
public sealed partial class CliTests
{
    private static string Carbonc => Path.Combine(AppContext.BaseDirectory, "carbonc.dll");

    internal static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Carbonc);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "carbonc did not finish within two minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(TestPaths.Examples, "*.carbon", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Malformed() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Samples, "malformed"), "*.carbon")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_reports_as_json_with_exit_code_0(string example)
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepoRoot, "report", example, "--format", "json");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\": \"1.0\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_gives_a_located_diagnostic_and_exit_code_2(string file)
    {
        string path = "tests/Carbon.Compiler.Tests/Samples/malformed/" + file;
        foreach (var command in new[] { "check", "report" })
        {
            var (exit, stdout, stderr) = Run(TestPaths.RepoRoot, command, path);

            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Matches(MsBuildError(), stderr);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.StartsWith(path + "(", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_of_a_clean_file_prints_nothing_and_exits_0()
    {
        var (exit, stdout, stderr) = Run(TestPaths.RepoRoot, "check", "examples/olmo3.carbon");

        Assert.Equal(0, exit);
        Assert.Equal("", stdout + stderr);
    }

    [Fact]
    public void A_missing_file_is_reported_with_code_CB0001_and_exit_code_2()
    {
        var (exit, _, stderr) = Run(TestPaths.RepoRoot, "check", "no/such/file.carbon");

        Assert.Equal(2, exit);
        Assert.Contains("error CB0001: Cannot read 'no/such/file.carbon': no such file.", stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (exit, _, stderr) = Run(TestPaths.RepoRoot, "report", "examples/olmo3.carbon", "--format", "yaml");

        Assert.Equal(2, exit);
        Assert.Contains("error CB0004", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_writes_the_generated_csharp_and_refuses_to_overwrite_a_source()
    {
        string dir = Directory.CreateTempSubdirectory("carbonc-build-").FullName;
        try
        {
            string source = Path.Combine(dir, "c.carbon");
            File.Copy(Path.Combine(TestPaths.Examples, "olmo3.carbon"), source);
            string original = File.ReadAllText(source);

            var ok = Run(dir, "build", "c.carbon", "--emit-cs", "out/Campaign.cs");
            var refused = Run(dir, "build", "c.carbon", "--emit-cs", "c.carbon");

            Assert.Equal(0, ok.Exit);
            Assert.Contains("public static double[][] Campaign1()",
                File.ReadAllText(Path.Combine(dir, "out", "Campaign.cs")), StringComparison.Ordinal);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("error CB0002", refused.Err, StringComparison.Ordinal);
            Assert.Equal(original, File.ReadAllText(source));
            Assert.Equal(["Campaign.cs"], Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Report_to_a_file_writes_the_same_bytes_as_standard_output()
    {
        string dir = Directory.CreateTempSubdirectory("carbonc-report-").FullName;
        try
        {
            string output = Path.Combine(dir, "report.json");
            var toFile = Run(TestPaths.RepoRoot, "report", "examples/olmo3.carbon", "--format", "json", "-o", output);
            var toStdout = Run(TestPaths.RepoRoot, "report", "examples/olmo3.carbon", "--format", "json");

            Assert.Equal(0, toFile.Exit);
            Assert.Equal(toStdout.Out, File.ReadAllText(output));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"^\S+\(\d+,\d+\): error CB\d{4}: .+$", RegexOptions.Multiline)]
    private static partial Regex MsBuildError();
}
