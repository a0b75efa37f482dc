using System.Text.Json;

namespace Carbon.Cli.Tests;

public sealed class CheckTests
{
    private static string BudgetsExample => Path.Combine(Cli.Examples, "budgets.carbon");

    private static string Campaign(string budgets, int gpuHours = 1_000_000) => $$"""
        site lab : ai2_jupiter { pue = 1.2 }
        hardware h100 : h100_sxm { }
        campaign "Lab" {
          site = lab
          hardware = h100
        {{budgets}}
          stage pretrain : pretraining {
            model = "7B"
            run final { gpu_time = {{gpuHours}} GPU*h  power = 600 W/GPU }
          }
        }
        """;

    [Fact]
    public void The_budgets_example_is_within_its_error_budgets_and_reports_its_warning()
    {
        var r = Cli.Run("check", BudgetsExample, "--format", "msbuild");

        Assert.True(r.Exit == 0, r.ToString());
        string line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("budgets.carbon(13,3): warning CB6002: The facility energy of campaign \"Budgeted\" " +
            "is 753.0 MWh, " +
            "over its warning budget of 700 MWh.", line);
    }

    [Fact]
    public void An_error_budget_crossed_is_reported_at_the_budget_with_figure_and_limit_and_exits_1()
    {
        using var dir = new TempDir();
        string file = dir.Write("lab.carbon", Campaign("  budget error co2e <= 200 tCO2e"));

        var r = Cli.Run("check", file, "--format", "msbuild");

        Assert.True(r.Exit == 1, r.ToString());
        Assert.Contains("lab.carbon(6,3): error CB6001: The CO2e of campaign \"Lab\" is 239.0 tCO2e, " +
            "over its budget of 200 tCO2e.", r.Err);
    }

    [Theory]
    [InlineData("budget error co2e <= 239 tCO2e", 0)]     // the figure shown, 239.0 t, equals the limit
    [InlineData("budget error co2e < 239 tCO2e", 1)]      // strict: equal is over
    [InlineData("budget error co2e <= 238.9 tCO2e", 1)]
    [InlineData("budget warning co2e <= 1 tCO2e", 0)]     // a warning never fails the build
    [InlineData("budget error gpu_time <= 1_000_000 GPU*h", 0)]
    [InlineData("budget error gpu_time < 1_000_000 GPU*h", 1)]
    [InlineData("budget error water <= 928.8 kL", 0)]
    [InlineData("budget error energy <= 719.9 MWh", 1)]
    [InlineData("budget error co2e change <= +1 %", 0)]   // change budgets need a base: only diff checks them
    public void Budgets_compare_the_rounded_figure_with_the_limit(string budget, int exit)
    {
        using var dir = new TempDir();
        string file = dir.Write("lab.carbon", Campaign("  " + budget));

        var r = Cli.Run("check", file, "--format", "msbuild");

        Assert.True(r.Exit == exit, r.ToString());
    }

    [Fact]
    public void Stage_and_model_budgets_name_their_scope()
    {
        using var dir = new TempDir();
        string text = Campaign("  budget warning model \"7B\" energy <= 100 MWh").Replace(
            "model = \"7B\"", "model = \"7B\"\n    budget error gpu_time <= 900_000 GPU*h", StringComparison.Ordinal);
        string file = dir.Write("lab.carbon", text);

        var r = Cli.Run("check", file, "--format", "msbuild");

        Assert.True(r.Exit == 1, r.ToString());
        Assert.Contains("warning CB6002: The facility energy of model \"7B\" in campaign \"Lab\" is 720.0 MWh, " +
            "over its warning budget of 100 MWh.", r.Err);
        Assert.Contains("lab.carbon(9,5): error CB6001: The GPU time of stage pretrain of campaign \"Lab\" " +
            "is 1,000,000 GPU-h, " +
            "over its budget of 900,000 GPU-h.", r.Err);
    }

    [Fact]
    public void Command_line_budgets_apply_to_files_without_budgets_and_are_checked_by_the_language()
    {
        using var dir = new TempDir();
        string none = dir.Write("none.carbon", Campaign(""));
        string own = dir.Write("own.carbon", Campaign("  budget error co2e <= 1_000 tCO2e"));

        var r = Cli.Run("check", none, own, "--budget", "co2e <= 100 tCO2e", "--format", "msbuild");

        Assert.True(r.Exit == 1, r.ToString());
        Assert.Contains("none.carbon(3,10): error CB6001: The CO2e of campaign \"Lab\" is 239.0 tCO2e, " +
            "over its budget of 100 tCO2e (--budget).", r.Err);
        Assert.DoesNotContain("own.carbon", r.Err);

        var bad = Cli.Run("check", none, "--budget", "co2e <= 4000 t", "--format", "msbuild");
        Assert.True(bad.Exit == 2, bad.ToString());
        Assert.Contains("error CB0016: The budget 'co2e <= 4000 t' given with --budget is not valid: " +
            "Cannot compare the co2e budget's figure, a CO2e mass", bad.Err);

        var smuggled = Cli.Run("check", none, "--budget", "co2e <= 1 tCO2e } campaign \"x\" { ", "--format", "msbuild");
        Assert.True(smuggled.Exit == 2, smuggled.ToString());
        Assert.Contains("it must be a single budget declaration.", smuggled.Err);

        var model = Cli.Run("check", none, "--budget", "model \"70B\" co2e <= 1 tCO2e", "--format", "msbuild");
        Assert.True(model.Exit == 2, model.ToString());
        Assert.Contains("error CB6008: The CO2e of model \"70B\" in campaign \"Lab\" has no figures", model.Err);
    }

    [Fact]
    public void Input_errors_exit_2_even_when_another_file_is_over_budget()
    {
        using var dir = new TempDir();
        string over = dir.Write("over.carbon", Campaign("  budget error co2e <= 1 tCO2e"));
        string broken = dir.Write("broken.carbon", "campaign \"x\" { stage s : nonsense { } }");

        var r = Cli.Run("check", over, broken, "--format", "msbuild");

        Assert.True(r.Exit == 2, r.ToString());
        Assert.Contains("CB6001", r.Err);
        Assert.Contains("CB2006", r.Err);
    }

    [Fact]
    public void GitHub_format_prints_workflow_commands_with_escaped_properties()
    {
        using var dir = new TempDir();
        string file = dir.Write("a,b.carbon", Campaign("  budget error co2e <= 200 tCO2e"));

        var r = Cli.Run("check", file, "--format", "github");

        Assert.True(r.Exit == 1, r.ToString());
        string line = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::error file=", line);
        Assert.Contains("a%2Cb.carbon,line=6,col=3,endLine=6,endColumn=33,title=CB6001 Over budget::" +
            "CB6001: The CO2e of campaign", line);
    }

    [Fact]
    public void Sarif_output_is_a_valid_log_with_rules_and_regions()
    {
        using var dir = new TempDir();
        string file = dir.Write("lab.carbon", Campaign("  budget error co2e <= 200 tCO2e"));
        string sarif = Path.Combine(dir.Path, "out", "carbon.sarif");

        var r = Cli.Run("check", file, "--format", "sarif", "--sarif", sarif);

        Assert.True(r.Exit == 1, r.ToString());
        Assert.Equal(r.Out, File.ReadAllText(sarif));
        using var doc = JsonDocument.Parse(r.Out);
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("CB6001",
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var result = run.GetProperty("results")[0];
        Assert.Equal("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(6, region.GetProperty("startLine").GetInt32());
        Assert.Equal(3, region.GetProperty("startColumn").GetInt32());
    }
}
