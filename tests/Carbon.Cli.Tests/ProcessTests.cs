namespace Carbon.Cli.Tests;

/// <summary>The built carbonc run as a process: the exit codes CI sees and the environment it reads.</summary>
public sealed class ProcessTests
{
    private static string Source(string budget) => $$"""
        site lab : ai2_jupiter { pue = 1.2 }
        hardware h100 : h100_sxm { }
        campaign "P" {
          site = lab
          hardware = h100
          {{budget}}
          stage pretrain : pretraining { run final { gpu_time = 1_000_000 GPU*h  power = 600 W/GPU } }
        }
        """;

    [Fact]
    public void Check_exits_0_within_budget_1_over_an_error_budget_and_2_on_input_errors()
    {
        using var dir = new TempDir();
        dir.Write("ok.carbon", Source("budget error co2e <= 300 tCO2e"));
        dir.Write("over.carbon", Source("budget error co2e <= 100 tCO2e"));
        dir.Write("warn.carbon", Source("budget warning co2e <= 100 tCO2e"));
        dir.Write("bad.carbon", Source("budget error co2e <= 100 kWh"));

        var ok = Cli.Process(null, dir.Path, "check", "ok.carbon");
        var over = Cli.Process(null, dir.Path, "check", "over.carbon");
        var warn = Cli.Process(null, dir.Path, "check", "warn.carbon");
        var bad = Cli.Process(null, dir.Path, "check", "bad.carbon", "over.carbon");
        var usage = Cli.Process(null, dir.Path, "check", "ok.carbon", "--format", "xml");

        Assert.True(ok.Exit == 0, ok.ToString());
        Assert.True(over.Exit == 1, over.ToString());
        Assert.Contains("over.carbon(6,3): error CB6001: The CO2e of campaign \"P\" is 239.0 tCO2e, " +
            "over its budget of 100 tCO2e.", over.Err);
        Assert.True(warn.Exit == 0, warn.ToString());
        Assert.Contains("warning CB6002", warn.Err);
        Assert.True(bad.Exit == 2, bad.ToString());
        Assert.Contains("error CB3003", bad.Err);
        Assert.True(usage.Exit == 2, usage.ToString());
    }

    [Fact]
    public void Under_GitHub_Actions_diagnostics_become_workflow_annotations()
    {
        using var dir = new TempDir();
        dir.Write("over.carbon", Source("budget error co2e <= 100 tCO2e"));

        var r = Cli.Process(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" }, dir.Path, "check",
            "over.carbon");

        Assert.True(r.Exit == 1, r.ToString());
        Assert.StartsWith("::error file=over.carbon,line=6,col=3,endLine=6,endColumn=33,title=CB6001 Over budget::",
            r.Out);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Diff_exit_codes_and_a_missing_git_program()
    {
        using var repo = new TempRepo();
        repo.Write("p.carbon", Source("budget error co2e change <= +10 %"));
        string first = repo.Commit("first");
        repo.Write("p.carbon",
            Source("budget error co2e change <= +10 %").Replace("1_000_000", "1_050_000", StringComparison.Ordinal));
        string small = repo.Commit("+5 %");
        repo.Write("p.carbon",
            Source("budget error co2e change <= +10 %").Replace("1_000_000", "1_200_000", StringComparison.Ordinal));
        repo.Commit("+20 %");

        var within = Cli.Process(null, repo.Path, "diff", first, small);
        var over = Cli.Process(null, repo.Path, "diff", first);
        var noGit = Cli.Process(new Dictionary<string, string?> { ["CARBONC_GIT"] = "/nonexistent/git" }, repo.Path,
            "diff", first);

        Assert.True(within.Exit == 0, within.ToString());
        Assert.True(over.Exit == 1, over.ToString());
        Assert.Contains("error CB6006", over.Err);
        Assert.True(noGit.Exit == 2, noGit.ToString());
        Assert.Contains("error CB0010: The 'git' program could not be started", noGit.Err);
    }
}
