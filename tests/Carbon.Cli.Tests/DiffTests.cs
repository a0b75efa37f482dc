using System.Text.Json;

namespace Carbon.Cli.Tests;

public sealed class DiffTests
{
    private static string Campaign(string name, int gpuHours, string extra = "", string grid = "") => $$"""
        site lab : ai2_jupiter { pue = 1.2 {{grid}} }
        hardware h100 : h100_sxm { }
        campaign "{{name}}" {
          site = lab
          hardware = h100
        {{extra}}
          stage pretrain : pretraining {
            model = "7B"
            run final { gpu_time = {{gpuHours}} GPU*h  power = 600 W/GPU }
          }
          stage post : sft {
            run final { gpu_time = 10_000 GPU*h  power = 500 W/GPU }
          }
        }
        """;

    private static CliResult Diff(TempRepo repo, params string[] args) =>
        Cli.Run(["diff", .. args, "--repo", repo.Path, "--diagnostic-format", "msbuild"]);

    private static void Has(string text, string expected, CliResult r) =>
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"expected: {expected}\n{r}");

    private static JsonElement File(JsonDocument doc, string path) =>
        doc.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == path);

    [Fact]
    public void Changes_renames_additions_and_deletions_across_commits_are_reported()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        repo.Write("moved.carbon", Campaign("M", 500_000));
        repo.Write("gone.carbon", Campaign("G", 100_000));
        repo.Write("same.carbon", Campaign("S", 200_000));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A", 1_100_000));
        repo.Commit("more pre-training");
        Directory.CreateDirectory(Path.Combine(repo.Path, "sub"));
        repo.Git("mv", "moved.carbon", "sub/renamed.carbon");
        repo.Git("rm", "-q", "gone.carbon");
        // Different enough from gone.carbon that git does not take it for a rename of it.
        string notes = string.Concat(Enumerable.Range(1, 30).Select(i => $"// note {i}: a file of its own\n"));
        repo.Write("new.carbon", notes + Campaign("N", 50_000));
        string last = repo.Commit("rename, delete, add");

        var r = Diff(repo, first, last, "--format", "json");

        Assert.True(r.Exit == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("1.0", doc.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(last, doc.RootElement.GetProperty("head").GetProperty("commit").GetString());
        var a = File(doc, "a.carbon");
        Assert.Equal("changed", a.GetProperty("status").GetString());
        var co2e = a.GetProperty("campaigns")[0].GetProperty("totals").GetProperty("co2e");
        Assert.Equal(241.0m, co2e.GetProperty("before").GetDecimal());
        Assert.Equal(264.9m, co2e.GetProperty("after").GetDecimal());
        Assert.Equal(23.9m, co2e.GetProperty("change").GetDecimal());
        Assert.Equal(9.9m, co2e.GetProperty("changePercent").GetDecimal());
        var stage = a.GetProperty("campaigns")[0].GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "pretrain");
        Assert.Equal(100_000m, stage.GetProperty("metrics").GetProperty("gpuTime").GetProperty("change").GetDecimal());
        Assert.Equal("unchanged", a.GetProperty("campaigns")[0].GetProperty("stages").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "post").GetProperty("status").GetString());

        var renamed = File(doc, "sub/renamed.carbon");
        Assert.Equal("renamed", renamed.GetProperty("status").GetString());
        Assert.Equal("moved.carbon", renamed.GetProperty("oldPath").GetString());
        Assert.Equal("unchanged", renamed.GetProperty("campaigns")[0].GetProperty("status").GetString());
        var gone = File(doc, "gone.carbon");
        Assert.Equal("removed", gone.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null,
            gone.GetProperty("campaigns")[0].GetProperty("totals").GetProperty("co2e").GetProperty("after").ValueKind);
        Assert.Equal("added", File(doc, "new.carbon").GetProperty("status").GetString());
        Assert.Equal("unchanged", File(doc, "same.carbon").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, File(doc, "new.carbon").GetProperty("campaigns")[0].GetProperty("totals")
            .GetProperty("co2e").GetProperty("changePercent").ValueKind);
    }

    [Fact]
    public void Head_defaults_to_the_working_tree_and_the_repository_is_left_untouched()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A", 1_000_000, grid: "grid = 0.5 kgCO2e/kWh"));
        repo.Write("untracked.carbon", Campaign("U", 1_000));
        string statusBefore = repo.Git("status", "--porcelain");
        string indexBefore = Convert.ToHexString(System.IO.File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index")));
        string refsBefore = repo.Git("for-each-ref");

        var r = Diff(repo, "main");

        Assert.True(r.Exit == 0, r.ToString());
        Has(r.Out, "Footprint diff: main (" + first[..7] + ") -> the working tree", r);
        Has(r.Out, "a.carbon: changed", r);
        Has(r.Out, "untracked.carbon: added", r);
        Assert.Equal(statusBefore, repo.Git("status", "--porcelain"));
        Assert.Equal(indexBefore,
            Convert.ToHexString(System.IO.File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"))));
        Assert.Equal(refsBefore, repo.Git("for-each-ref"));
    }

    [Fact]
    public void Rewriting_a_number_without_changing_it_shows_no_phantom_change()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        string first = repo.Commit("first");
        // The same figures written differently, plus a change too small to show at 0.1 t, 0.1 MWh and 0.1 kL.
        repo.Write("a.carbon", "// reformatted\n" + Campaign("A", 1_000_000)
            .Replace("1000000", "1_000_000", StringComparison.Ordinal)
            .Replace("600 W/GPU", "600.0001 W/GPU", StringComparison.Ordinal)
            .Replace("10_000 GPU*h", "10000 GPU*h", StringComparison.Ordinal));
        string second = repo.Commit("reformat");

        var r = Diff(repo, first, second, "--format", "markdown");

        Assert.True(r.Exit == 0, r.ToString());
        Has(r.Out, "1 unchanged file", r);
        Assert.DoesNotContain("→ **", r.Out);
    }

    [Fact]
    public void Markdown_carries_the_hidden_marker_and_the_changes()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A|B", 1_000_000));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A|B", 1_200_000)
            .Replace("stage post : sft", "stage post_renamed : sft", StringComparison.Ordinal));
        string second = repo.Commit("second");

        var r = Diff(repo, first, second, "--format", "markdown");

        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith($"<!-- carbonc-diff -->\n## Carbon footprint: " +
            $"`{first} ({first[..7]})` → `{second} ({second[..7]})`", r.Out);
        Has(r.Out, "**campaign \"A\\|B\"** (changed)", r);
        Has(r.Out, "| stage pretrain (changed) | 239.0 → **286.8** (+47.8, +20.0 %) |", r);
        Has(r.Out, "| stage post\\_renamed (renamed from post) |", r);
    }

    [Fact]
    public void Change_budgets_are_checked_against_the_base_with_exit_code_1()
    {
        using var repo = new TempRepo();
        string budgets = "  budget error co2e change <= +10 %\n  budget warning energy change <= +5 MWh";
        repo.Write("a.carbon", Campaign("A", 1_000_000, budgets));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A", 1_200_000, budgets));
        string second = repo.Commit("second");

        var r = Diff(repo, first, second, "--format", "markdown");

        Assert.True(r.Exit == 1, r.ToString());
        Has(r.Err, $"a.carbon(6,3): error CB6006: The CO2e of campaign \"A\" changed by +47.8 tCO2e (+19.8 %) " +
            $"since {first} ({first[..7]}), " +
            "over its budget of +10 %.", r);
        Has(r.Err, "a.carbon(7,3): warning CB6007: The facility energy of campaign \"A\" changed by +144.0 MWh", r);
        Has(r.Out, ":x: `a.carbon(6,3)` CB6006", r);
        Has(r.Out, "**Over budget.**", r);

        var within = Diff(repo, first, second, "--budget", "co2e <= 1 tCO2e");
        Assert.True(within.Exit == 1, within.ToString());   // the file's own budgets still apply; --budget does not
        Assert.DoesNotContain("(--budget)", within.Err);
    }

    [Fact]
    public void Command_line_change_budgets_apply_to_files_without_budgets()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A", 1_050_000));
        string second = repo.Commit("second");

        var within = Diff(repo, first, second, "--budget", "co2e change <= +10 %");
        var over = Diff(repo, first, second, "--budget", "gpu_time change < +50_000 GPU*h");

        Assert.True(within.Exit == 0, within.ToString());
        Assert.True(over.Exit == 1, over.ToString());
        Has(over.Err, "a.carbon(3,10): error CB6006: The GPU time of campaign \"A\" changed by +50,000 GPU-h (+5.0 %)",
            over);
    }

    [Fact]
    public void Imports_are_read_at_the_revision_being_compiled()
    {
        using var repo = new TempRepo();
        repo.Write("shared/site.carbon", "site lab : ai2_jupiter { pue = 1.2 }\nhardware h100 : h100_sxm { }\n");
        string main = """
            import "shared/site.carbon"
            campaign "I" {
              site = lab
              hardware = h100
              stage pretrain : pretraining { run final { gpu_time = 1_000_000 GPU*h  power = 600 W/GPU } }
            }
            """;
        repo.Write("i.carbon", main);
        string first = repo.Commit("first");
        repo.Write("shared/site.carbon", "site lab : ai2_jupiter { pue = 1.5 }\nhardware h100 : h100_sxm { }\n");
        string second = repo.Commit("worse PUE");

        var r = Diff(repo, first, second, "--format", "json", "--path", "i.carbon");

        Assert.True(r.Exit == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Single(doc.RootElement.GetProperty("files").EnumerateArray());
        var energy = File(doc, "i.carbon").GetProperty("campaigns")[0].GetProperty("totals").GetProperty("energy");
        Assert.Equal(720.0m, energy.GetProperty("before").GetDecimal());
        Assert.Equal(900.0m, energy.GetProperty("after").GetDecimal());
        Assert.Equal(25.0m, energy.GetProperty("changePercent").GetDecimal());
    }

    [Fact]
    public void A_file_that_fails_at_one_revision_is_reported_for_it_and_the_rest_goes_on()
    {
        using var repo = new TempRepo();
        repo.Write("good.carbon", Campaign("Good", 1_000_000));
        repo.Write("flaky.carbon", "campaign \"F\" { stage s : nonsense { } }\n");
        string first = repo.Commit("first");
        repo.Write("good.carbon", Campaign("Good", 1_100_000));
        repo.Write("flaky.carbon", Campaign("F", 10_000));
        string second = repo.Commit("fix flaky");
        repo.Write("good.carbon", "campaign \"Good\" { site = nowhere }\n");
        string third = repo.Commit("break good");

        var fixedAtHead = Diff(repo, first, second);
        Assert.True(fixedAtHead.Exit == 0, fixedAtHead.ToString());
        Has(fixedAtHead.Err,
            $"warning CB0018: 'flaky.carbon' does not compile at the base revision {first} ({first[..7]})",
            fixedAtHead);
        Has(fixedAtHead.Err, first[..7] + ":flaky.carbon(1,26): error CB2006", fixedAtHead);
        Has(fixedAtHead.Out, "flaky.carbon: does not compile at " + first, fixedAtHead);
        Has(fixedAtHead.Out, "good.carbon: changed", fixedAtHead);

        var brokenAtHead = Diff(repo, second, third);
        Assert.True(brokenAtHead.Exit == 2, brokenAtHead.ToString());
        Has(brokenAtHead.Err, $"error CB0015: 'good.carbon' does not compile at {third}", brokenAtHead);
        Has(brokenAtHead.Out, "flaky.carbon: unchanged", brokenAtHead);
    }

    [Fact]
    public void A_base_missing_from_a_shallow_clone_says_how_to_fetch_it()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        string first = repo.Commit("first");
        repo.Write("a.carbon", Campaign("A", 1_100_000));
        repo.Commit("second");
        using var clone = new TempDir();
        string target = Path.Combine(clone.Path, "shallow");
        TempRepo.RunGit(clone.Path, "clone", "-q", "--depth", "1", new Uri(repo.Path).AbsoluteUri, target);

        var r = Cli.Run("diff", first, "--repo", target, "--diagnostic-format", "msbuild");

        Assert.True(r.Exit == 2, r.ToString());
        Has(r.Err, $"error CB0012: The revision '{first}' is not in this clone, which is shallow", r);
        Has(r.Err, "fetch-depth: 0", r);
        Has(r.Err, "git fetch --unshallow", r);
    }

    [Fact]
    public void Unknown_revisions_and_directories_outside_git_are_clear_errors()
    {
        using var repo = new TempRepo();
        repo.Write("a.carbon", Campaign("A", 1_000_000));
        repo.Commit("first");
        using var plain = new TempDir();

        var unknown = Diff(repo, "no-such-branch");
        var option = Diff(repo, "--output=x");
        var notRepo = Cli.Run("diff", "main", "--repo", plain.Path, "--diagnostic-format", "msbuild");
        var outside = Diff(repo, "main", "--path", plain.Path);

        Assert.True(unknown.Exit == 2, unknown.ToString());
        Has(unknown.Err, "error CB0013: The revision 'no-such-branch' is not a commit of this repository", unknown);
        Assert.True(option.Exit == 2, option.ToString());
        Assert.True(notRepo.Exit == 2, notRepo.ToString());
        Has(notRepo.Err, $"error CB0011: '{plain.Path}' is not inside a git repository", notRepo);
        Assert.True(outside.Exit == 2, outside.ToString());
        Has(outside.Err, "error CB0017", outside);
    }
}
