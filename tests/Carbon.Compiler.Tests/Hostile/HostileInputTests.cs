using System.Text;
using Carbon.Cli;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests.Hostile;

/// <summary>
/// The injection corpus: every file under <c>Hostile/Samples</c> is compiled and run through the
/// library and through <c>carbonc report</c>, each in a fresh temporary directory. A sample's
/// <c>.expected</c> file gives its error codes (or <c>ok</c>) and text that must never reach the
/// generated C# (<c>forbid:</c>). Whatever the sample, the generated program holds no string, no
/// character literal, no directive and nothing but ASCII; no file appears but the requested output;
/// the resolver is asked for nothing outside the project; standard output holds the report alone.
/// </summary>
public sealed class HostileInputTests
{
    public static string SamplesDir =>
        Path.Combine(TestPaths.RepoRoot, "tests", "Carbon.Compiler.Tests", "Hostile", "Samples");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(SamplesDir, "*.carbon").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(f));
        }

        return data;
    }

    [Fact]
    public void The_corpus_is_there_and_every_sample_has_expectations()
    {
        var samples = Directory.GetFiles(SamplesDir, "*.carbon");
        Assert.True(samples.Length >= 40, $"only {samples.Length} samples");
        Assert.All(samples, s => Assert.True(File.Exists(Path.ChangeExtension(s, ".expected")), s));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Library_run_gives_the_expected_diagnostics_and_nothing_else(string name)
    {
        var expected = Expectation.Load(name);
        using var dir = new TempDir();
        string path = dir.Copy(Path.Combine(SamplesDir, name + ".carbon"));
        var before = dir.Files();
        var resolver = new RecordingResolver();
        var compilation = CarbonCompilation.Create(new SourceText(path, File.ReadAllText(path)), resolver, dir.Path);

        string? code = compilation.EmitCSharp();
        if (code is not null)
        {
            AssertHarmless(code, expected);
        }

        var result = compilation.Run(TimeSpan.FromSeconds(20));
        var codes = ErrorCodes(result.Diagnostics);
        Assert.Equal(expected.Codes, codes);
        Assert.Equal(expected.Codes.Count == 0, result.Success);
        if (result.Report is { } report)
        {
            foreach (string format in ReportFormats.Names)
            {
                AssertPrintable(ReportFormats.Write(format, report), format);
            }
        }

        Assert.All(result.Diagnostics, d => AssertPrintable(d.ToMsBuildString(), d.Code));
        Assert.All(resolver.Requested,
            p => Assert.StartsWith(dir.Path + Path.DirectorySeparatorChar, p, StringComparison.Ordinal));
        Assert.Equal(before, dir.Files());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Cli_report_writes_only_the_report(string name)
    {
        var expected = Expectation.Load(name);
        using var dir = new TempDir();
        string path = dir.Copy(Path.Combine(SamplesDir, name + ".carbon"));
        var before = dir.Files();

        var (exit, stdout, stderr) = Cli.Run("report", path, "--format", "json");
        Assert.Equal(expected.Codes.Count == 0 ? 0 : 2, exit);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(before, dir.Files());
        if (expected.Codes.Count == 0)
        {
            // Standard output is the report, byte for byte, and nothing else.
            var compilation = CarbonCompilation.Create(new SourceText(path, File.ReadAllText(path)),
                new RecordingResolver(), dir.Path);
            Assert.Equal(ReportFormats.Write("json", compilation.Run().Report!), stdout);
        }
        else
        {
            Assert.Equal("", stdout);
            Assert.All(expected.Codes, c => Assert.Contains(c, stderr, StringComparison.Ordinal));
        }

        // With -o the only new file is the one asked for.
        string output = Path.Combine(dir.Path, "report.json");
        (exit, stdout, _) = Cli.Run("report", path, "--format", "json", "-o", output);
        Assert.Equal("", stdout);
        var expectedFiles = expected.Codes.Count == 0 ? [.. before, "report.json"] : before;
        Assert.Equal(expectedFiles.Order(StringComparer.Ordinal), dir.Files());
    }

    /// <summary>Error codes of the diagnostics, distinct and sorted; warnings do not count.</summary>
    internal static List<string> ErrorCodes(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code).Distinct()
            .Order(StringComparer.Ordinal)];

    internal static void AssertHarmless(string code, Expectation expected)
    {
        Assert.All(code,
            c => Assert.True(c is '\n' || (c >= ' ' && c < (char)127), $"U+{(int)c:X4} in the generated C#"));
        Assert.DoesNotContain("\"", code, StringComparison.Ordinal);
        Assert.DoesNotContain("'", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", code, StringComparison.Ordinal);
        Assert.DoesNotContain("@", code, StringComparison.Ordinal);
        Assert.DoesNotContain("#", code, StringComparison.Ordinal);
        Assert.DoesNotContain("using ", code, StringComparison.Ordinal);
        Assert.DoesNotContain("/*", code, StringComparison.Ordinal);
        foreach (string f in expected.Forbidden)
        {
            Assert.DoesNotContain(f, code, StringComparison.Ordinal);
        }
    }

    internal static void AssertPrintable(string text, string what)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            bool bad = (char.IsControl(c) && c != '\n') || char.IsSurrogate(c) || Parsing.Scanner.IsBidiControl(c);
            Assert.False(bad, $"{what} holds U+{(int)c:X4}");
        }
    }

    internal sealed record Expectation(List<string> Codes, List<string> Forbidden)
    {
        public static Expectation Load(string name)
        {
            var codes = new List<string>();
            var forbidden = new List<string>();
            foreach (string line in File.ReadAllLines(Path.Combine(SamplesDir, name + ".expected")))
            {
                if (line.StartsWith("codes:", StringComparison.Ordinal))
                {
                    codes.AddRange(line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => c != "ok"));
                }
                else if (line.StartsWith("forbid:", StringComparison.Ordinal))
                {
                    forbidden.Add(line[7..].Trim());
                }
            }

            return new([.. codes.Order(StringComparer.Ordinal)], forbidden);
        }
    }
}

/// <summary>Reads imports from disk like the CLI's resolver and records every path it is asked for.</summary>
internal sealed class RecordingResolver : ISourceResolver
{
    public List<string> Requested { get; } = [];

    public string? Read(string fullPath, out string error)
    {
        Requested.Add(fullPath);
        if (!File.Exists(fullPath))
        {
            error = "no such file.";
            return null;
        }

        error = "";
        return File.ReadAllText(fullPath);
    }
}

/// <summary>A fresh directory under the system's temporary folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("carbon-hostile-").FullName;
    }

    public string Path { get; }

    public string Copy(string file)
    {
        string target = System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file));
        File.Copy(file, target);
        return target;
    }

    public string Write(string name, string text, Encoding encoding)
    {
        string target = System.IO.Path.Combine(Path, name);
        File.WriteAllText(target, text, encoding);
        return target;
    }

    /// <summary>Every file below the directory, relative and sorted, hidden temporaries included.</summary>
    public List<string> Files() =>
        [.. Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f))
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}

/// <summary>Runs <c>carbonc</c> in this process, capturing its two output streams.</summary>
internal static class Cli
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
