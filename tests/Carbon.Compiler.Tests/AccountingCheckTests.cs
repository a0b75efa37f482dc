using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>
/// The accounting checks that catch the peer tools' mistakes. Each has a failing sample in
/// <c>Samples/checks/CODE-name.carbon</c>; the test pins the exact code, line and column.
/// </summary>
public sealed class AccountingCheckTests
{
    private static string ChecksDirectory => Path.Combine(TestPaths.Samples, "checks");

    private static CarbonCompilation Compile(string path, string text) =>
        CarbonCompilation.Create(new SourceText(path, text));

    private static CarbonCompilation CompileSample(string file)
    {
        string path = Path.Combine(ChecksDirectory, file);
        return Compile(path, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("CB4003-pue-applied-twice.carbon", "CB4003", 9, 29)]
    [InlineData("CB3005-gpu-count-forgotten.carbon", "CB3005", 9, 38)]
    [InlineData("CB3006-embodied-count-forgotten.carbon", "CB3006", 12, 27)]
    [InlineData("CB3007-water-kinds-added.carbon", "CB3007", 6, 12)]
    [InlineData("CB4002-share-out-of-range.carbon", "CB4002", 9, 55)]
    [InlineData("CB4006-default-used.carbon", "CB4006", 3, 6)]
    public void Each_check_reports_its_code_at_the_mistake(string file, string code, int line, int column)
    {
        var compilation = CompileSample(file);
        var d = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal((line, column), (d.Start.Line, d.Start.Column));
        Assert.StartsWith(code + "-", file, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sample_in_the_checks_directory_is_pinned_by_a_test()
    {
        var pinned = typeof(AccountingCheckTests).GetMethod(nameof(Each_check_reports_its_code_at_the_mistake))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(ChecksDirectory, "*.carbon").Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(files, pinned);
    }

    [Fact]
    public void The_errors_stop_the_run_and_the_default_is_only_a_warning()
    {
        foreach (var file in Directory.GetFiles(ChecksDirectory, "*.carbon"))
        {
            var compilation = CompileSample(Path.GetFileName(file));
            bool warningOnly = Path.GetFileName(file).StartsWith("CB4006", StringComparison.Ordinal);
            Assert.Equal(!warningOnly, compilation.HasErrors);
            Assert.Equal(warningOnly, compilation.Run().Success);
        }
    }

    [Fact]
    public void A_default_fallback_is_listed_in_the_report_with_origin_default()
    {
        var result = CompileSample("CB4006-default-used.carbon").Run();
        var report = result.Report!;
        var grid = report.Campaigns.Single().Constants.Single(k => k.Name == "dc.grid");
        Assert.Equal("default", grid.Origin);
        Assert.Equal("0.475 kgCO2e/kWh", grid.Value);
        Assert.Contains("IEA 2019", grid.Source, StringComparison.Ordinal);
        Assert.Single(report.Campaigns.Single().Constants, k => k.Value.StartsWith("0.475", StringComparison.Ordinal));
        Assert.Contains("\"origin\": \"default\"", JsonReportWriter.Write(report), StringComparison.Ordinal);
        Assert.Contains("| `dc.grid` | 0.475 kgCO2e/kWh | default |", MarkdownReportWriter.Write(report),
            StringComparison.Ordinal);
        Assert.Contains("<td class=\"origin-default\">default</td>", HtmlReportWriter.Write(report),
            StringComparison.Ordinal);
        Assert.Matches(@"dc\.grid +0\.475 kgCO2e/kWh +default", TableReportWriter.Write(report));
    }

    [Fact]
    public void The_silent_defaults_are_still_listed_in_the_report()
    {
        // The site states PUE, grid and off-site water, so no warning; the server overhead of 1 and the on-site
        // water of 0 it does not state are conventions, used without a warning but shown as defaults.
        string text = File.ReadAllText(Path.Combine(ChecksDirectory, "CB3005-gpu-count-forgotten.carbon"))
            .Replace("700 W/GPU * 1_000 h", "700 W/GPU * 1_000 GPU*h", StringComparison.Ordinal);
        var result = Compile("fixed.carbon", text).Run();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var defaults = result.Report!.Campaigns.Single().Constants.Where(k => k.Origin == "default")
            .Select(k => k.Name);
        Assert.Equal(["dc.server_overhead", "dc.wue_it"], defaults);
    }

    // Variants of the same mistakes, written other ways.
    [Theory]
    [InlineData("let e = 100 MWh * dc.pue", "accelerator_energy = e", "CB4003")]
    [InlineData("let e = 100 MWh * pue.google_fleet", "it_energy = e", "CB4003")]
    [InlineData("let e = 100 MWh", "facility_energy = e * dc.pue", "CB4003")]
    [InlineData("let p = 700 W/GPU", "accelerator_energy = p * 3 d", "CB3005")]
    [InlineData("let u = 1.5", "gpu_time = 1_000 GPU*h  utilisation = u", "CB4002")]
    [InlineData("let u = -10 %", "gpu_time = 1_000 GPU*h  utilisation = u", "CB4002")]
    [InlineData("let w = 1 L + 1 L_wd", "it_energy = 1 MWh", "CB3007")]
    [InlineData("let w = 1 kL_wd - 3 m3", "it_energy = 1 MWh", "CB3007")]
    [InlineData("let t = 100", "power = 700 W/GPU  duration = 100 h", "CB4014")]
    public void The_checks_see_through_named_values_and_catalogue_constants(string let, string run, string code)
    {
        string text = $$"""
            site dc { pue = 1.2  grid = 0.4 kgCO2e/kWh  water_offsite = 1 L/kWh }
            hardware gpu { tdp = 700 W/GPU }
            {{let}}
            campaign "c" { site = dc  hardware = gpu  stage s : pretraining { run final { {{run}} } } }
            """;
        var compilation = Compile("variant.carbon", text);
        Assert.Contains(compilation.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("gpu_share_of_it = 120 %", "CB4002")]
    [InlineData("gpu_share_of_it = -5 %", "CB4002")]
    [InlineData("pue = 0.9", "CB4001")]
    [InlineData("server_overhead = 0.575", "CB4011")]
    [InlineData("wue_it = 0.5 L_wd/kWh", "CB3004")]
    public void Site_factors_out_of_range_are_errors(string property, string code)
    {
        string text = $$"""
            site dc { grid = 0.4 kgCO2e/kWh  water_offsite = 1 L/kWh  pue = 1.1  {{property}} }
            campaign "c" { site = dc  stage s : pretraining { run final { it_energy = 1 MWh } } }
            """.Replace("pue = 1.1  pue", "pue", StringComparison.Ordinal);
        var compilation = Compile("site.carbon", text);
        Assert.Contains(compilation.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Embodied_time_in_plain_hours_is_a_forgotten_GPU_count()
    {
        string text = """
            site dc { pue = 1.2  grid = 0.4 kgCO2e/kWh  water_offsite = 1 L/kWh }
            hardware gpu : h100_sxm { }
            campaign "c" { site = dc  hardware = gpu  embodied fleet { gpu_time = 4_000 h } }
            """;
        var d = Assert.Single(Compile("embodied.carbon", text).Diagnostics);
        Assert.Equal("CB3006", d.Code);
        Assert.Equal((3, 71), (d.Start.Line, d.Start.Column));
    }
}
