using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Execution;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests.Hostile;

/// <summary>
/// Every input that once crashed, hung or misled the compiler (found by fuzzing or by hand), replayed
/// through the parser, the checker and both evaluation paths with the fuzz targets' invariants; plus
/// inputs no file can hold but an editor can send (lone surrogates), and the execution's guards.
/// </summary>
public sealed class RegressionTests
{
    private static string Dir =>
        Path.Combine(TestPaths.RepoRoot, "tests", "Carbon.Compiler.Tests", "Hostile", "Regressions");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(Dir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Checked_in_finding_is_handled(string file) =>
        Replay(new System.Text.UTF8Encoding(false, false).GetString(File.ReadAllBytes(Path.Combine(Dir, file))));

    [Fact]
    public void Lone_surrogates_give_a_diagnostic()
    {
        // Built in code, not as theory data: xUnit's serialisation would replace the lone surrogates.
        string[] texts =
        [
            "let a = \uD800", "let a = \uD800x", "let a = \uDC00\uD800", "let a = \"\uD800\"", "// \uDFFF\nlet a = 1",
            "/* \uD83D */", "let a = 1 \uD800",
        ];
        foreach (string text in texts)
        {
            var compilation = Replay(text);
            Assert.Contains(compilation.Diagnostics, d => d.Code is "CB1004" or "CB9010");
        }
    }

    [Fact]
    public void Huge_values_whose_product_overflows_are_refused_by_both_paths()
    {
        const string Text = "site s : ai2_jupiter { }\nhardware h : h100_sxm { }\n" +
            "campaign \"c\" { site = s  hardware = h\n" +
            "  stage p : pretraining { run final { gpu_time = 1e300 GPU*h  power = 1e300 W/GPU } } }\n";
        var interpreted = CarbonCompilation.Create(new SourceText("a.carbon", Text));
        Assert.Null(interpreted.Interpret());
        Assert.Contains(interpreted.Diagnostics, d => d.Code == "CB5004");
        var compiled = CarbonCompilation.Create(new SourceText("a.carbon", Text)).Run();
        Assert.False(compiled.Success);
        Assert.Contains(compiled.Diagnostics, d => d.Code == "CB5004");
    }

    [Fact]
    public void Declarations_past_the_block_limit_stop_before_code_generation()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i <= Limits.MaxBlocks; i++)
        {
            sb.Append("site s").Append(i).Append(" { }\n");
        }

        var compilation = CarbonCompilation.Create(new SourceText("many.carbon", sb.ToString()));
        Assert.Equal(["CB9007"], HostileInputTests.ErrorCodes(compilation.Diagnostics));
    }

    [Fact]
    public void Many_tiny_declarations_are_checked_in_bounded_time()
    {
        // A hang guard, not a speed measurement (speed is measured by tests/bench): 100,000 lets bind
        // in a few seconds, and the bound is generous so that a loaded CI machine does not fail it.
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append("let a").Append(i).Append("=1\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var compilation = CarbonCompilation.Create(new SourceText("many.carbon", sb.ToString()));
        Assert.Empty(HostileInputTests.ErrorCodes(compilation.Diagnostics));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Generated_code_outside_the_allow_list_is_not_run()
    {
        using var dir = new TempDir();
        string marker = Path.Combine(dir.Path, "pwned.txt").Replace("\\", "/", StringComparison.Ordinal);
        string[] programs =
        [
            Program("System.IO.File.WriteAllText(\"" + marker + "\", \"x\"); return new double[][] { };"),
            Program("return new double[][] { new double[] { (double)typeof(object).Assembly.GetTypes().Length } };"),
            "#define X\n" + Program("return new double[][] { };"),
            Program("return new double[][] { };") + "\npublic static class Other { }",
            Program("return new double[][] { new double[] { System.Environment.ProcessorCount } };"),
        ];
        foreach (string code in programs)
        {
            var result = InMemoryCompiler.CompileAndRun(code, 1, TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Null(result.Lines);
            Assert.Contains(result.Diagnostics, d => d.Code is "CB5001" or "CB5002");
        }

        Assert.Empty(dir.Files());
    }

    [Fact]
    public void Execution_is_stopped_at_its_time_limit()
    {
        // Allowed syntax only, so it passes the allow-list and runs; it finishes by itself within
        // seconds, so no thread is left spinning after the test.
        string code = Program(
            "double x = 0; for (int i = 0; i < 100000; i++) { for (int j = 0; j < 30000; j++) { x = x + 1; } } " +
            "return new double[][] { new double[] { x } };");
        var result = InMemoryCompiler.CompileAndRun(code, 1, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.Null(result.Lines);
        Assert.Equal("CB5003", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Execution_can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            InMemoryCompiler.CompileAndRun(Program("return new double[][] { };"), 1, TimeSpan.FromSeconds(10),
                cancel.Token));
    }

    private static string Program(string body) =>
        "namespace CarbonGenerated;\npublic static class CampaignProgram\n{\n" +
        "    public static double[][] Campaign1()\n    {\n        " +
        body + "\n    }\n}\n";

    /// <summary>
    /// The fuzz targets' checks: no exception, spans inside the text, printing round-trips, paths agree.
    /// </summary>
    private static CarbonCompilation Replay(string text)
    {
        var source = new SourceText("replay.carbon", text);
        var bag = new DiagnosticBag();
        var unit = Parser.Parse(source, bag);
        Assert.All(bag.Items,
            d => Assert.True(d.Span.Start >= 0 && d.Span.End <= source.Text.Length, d.ToMsBuildString()));
        if (!bag.HasErrors)
        {
            string printed = SyntaxPrinter.Print(unit);
            var again = new DiagnosticBag();
            Assert.Equal(printed, SyntaxPrinter.Print(Parser.Parse(new SourceText("p.carbon", printed), again)));
            Assert.False(again.HasErrors);
        }

        var compilation = CarbonCompilation.Create(source);
        Assert.All(compilation.Diagnostics,
            d => Assert.True(d.Span.End <= source.Text.Length || d.Source != source, d.ToMsBuildString()));
        if (compilation.Interpret() is { } interpreted)
        {
            var run = compilation.Run(TimeSpan.FromSeconds(20));
            Assert.True(run.Success, string.Join("\n", run.Diagnostics));
            foreach (string format in ReportFormats.Names)
            {
                Assert.Equal(ReportFormats.Write(format, interpreted), ReportFormats.Write(format, run.Report!));
            }
        }

        return compilation;
    }

    [Fact]
    public async Task Values_that_reuse_each_other_are_computed_once_not_exponentially_often()
    {
        // Found by adversarial testing: each let used its predecessor twice, 2^59 evaluations in all.
        var sb = new System.Text.StringBuilder("let a0 = 1 W/GPU\n");
        for (int i = 1; i < 60; i++)
        {
            sb.Append("let a").Append(i).Append(" = (a").Append(i - 1).Append(" + a").Append(i - 1).Append(") / 2\n");
        }

        sb.Append("site s : ai2_jupiter { }\ncampaign \"C\" { site = s  hardware = h100_sxm\n")
            .Append("  stage p : pretraining { run final { gpu_time = 1000 GPU*h  power = a59 } } }\n");
        var compilation = CarbonCompilation.Create(new SourceText("reuse.carbon", sb.ToString()));

        // A hang guard: the exponential version never finishes; the fixed one takes milliseconds.
        var interpreted = await Task.Run(compilation.Interpret).WaitAsync(TimeSpan.FromMinutes(2));
        var run = compilation.Run(TimeSpan.FromMinutes(2));

        Assert.True(run.Success, string.Join("\n", run.Diagnostics));
        Assert.Equal(1.0, run.Report!.Campaigns[0].Lines[0].Figures.AcceleratorKwh, 9);
        Assert.Equal(interpreted!.Campaigns[0].Lines[0].Figures, run.Report.Campaigns[0].Lines[0].Figures);
    }
}
