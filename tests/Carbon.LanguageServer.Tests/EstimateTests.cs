using Carbon.Compiler;
using Carbon.Compiler.Text;

namespace Carbon.LanguageServer.Tests;

public sealed class EstimateTests
{
    private static readonly object WholeFile =
        new { start = new { line = 0, character = 0 }, end = new { line = 10_000, character = 0 } };

    [Fact]
    public async Task Inlay_hints_sit_at_the_end_of_each_run_stage_and_campaign_line_with_the_reports_figures()
    {
        await using var client = await LspClient.StartAsync(rootUri: new System.Uri(TestPaths.Examples).AbsoluteUri);
        await client.OpenAsync(Samples.Olmo3Uri, Samples.Olmo3);
        var hints = await InlayHintsAsync(client);

        var report = CarbonCompilation.Create(new SourceText(Samples.Olmo3Path, Samples.Olmo3)).Interpret()!
            .Campaigns[0];
        var lines = Samples.Olmo3.Split('\n');
        foreach (var line in report.Lines)
        {
            string expected = EstimateText.Inline(line.Figures);
            var hint = Assert.Single(hints, h => h.Line == line.Line - 1 && h.Label == expected);
            Assert.Equal(lines[line.Line - 1].TrimEnd('\r').Length, hint.Character);
        }

        foreach (var stage in report.Stages)
        {
            Assert.Contains(hints, h => h.Line == stage.Line - 1 && h.Label == EstimateText.Inline(stage.Totals));
        }

        Assert.Contains(hints, h => lines[h.Line].StartsWith("campaign", StringComparison.Ordinal)
            && h.Label == EstimateText.Inline(report.Totals));
        Assert.Equal(1 + report.Stages.Count + report.Lines.Count, hints.Count);
        Assert.All(hints, h => Assert.Matches(@"^≈ [0-9.,]+ (k|t|kt|Mt)?g?CO2e · [0-9.,]+ (m|k|M|G)?L$", h.Label));
    }

    [Fact]
    public async Task Hints_follow_an_edit_that_changes_a_number_and_the_client_is_asked_to_refresh()
    {
        await using var client = await LspClient.StartAsync(rootUri: new System.Uri(TestPaths.Examples).AbsoluteUri);
        await client.OpenAsync(Samples.Olmo3Uri, Samples.Olmo3);
        var before = await InlayHintsAsync(client);
        var lines = Samples.Olmo3.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("gpu_time = 1_050_000", StringComparison.Ordinal));
        int column = lines[line].IndexOf("1_050_000", StringComparison.Ordinal);
        int refreshes = client.InlayRefreshes;

        await client.ChangeAsync(Samples.Olmo3Uri, line, column, line, column + 1, "2");
        var after = await InlayHintsAsync(client);

        string edited = Samples.Olmo3.Replace("gpu_time = 1_050_000", "gpu_time = 2_050_000", StringComparison.Ordinal);
        var report = CarbonCompilation.Create(new SourceText(Samples.Olmo3Path, edited)).Interpret()!.Campaigns[0];
        var run = report.Lines.Single(l => l.Line - 1 == line);
        Assert.Contains(after, h => h.Line == line && h.Label == EstimateText.Inline(run.Figures));
        Assert.DoesNotContain(before, h => h.Line == line && h.Label == EstimateText.Inline(run.Figures));
        int campaign = Array.FindIndex(lines, l => l.StartsWith("campaign", StringComparison.Ordinal));
        Assert.NotEqual(before.Single(h => h.Line == campaign).Label, after.Single(h => h.Line == campaign).Label);
        await WaitUntil(() => client.InlayRefreshes > refreshes);
    }

    [Fact]
    public async Task No_hints_while_the_file_has_errors()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign.Replace("621 W/GPU", "621 kWh", StringComparison.Ordinal));
        var hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Uri }, range = WholeFile });
        Assert.Equal(0, hints.GetArrayLength());
    }

    [Fact]
    public async Task Hints_outside_the_requested_range_are_left_out()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        var range = new { start = new { line = 11, character = 0 }, end = new { line = 11, character = 80 } };
        var hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Uri }, range });
        Assert.Equal(11, Assert.Single(hints.EnumerateArray()).GetProperty("position").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Code_lenses_carry_the_same_figures_when_chosen_and_configuration_switches_modes()
    {
        await using var client = await LspClient.StartAsync(new { inlineEstimates = "codeLens" });
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        var lenses = await client.RequestAsync("textDocument/codeLens",
            new { textDocument = new { uri = Samples.Uri } });
        var hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Uri }, range = WholeFile });
        Assert.Equal(0, hints.GetArrayLength());
        Assert.Equal(5, lenses.GetArrayLength());
        var first = lenses[0];
        var lensTitles = lenses.EnumerateArray().Select(l => l.GetProperty("command").GetProperty("title").GetString())
            .ToList();
        Assert.Equal(6, first.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.StartsWith("≈ ", first.GetProperty("command").GetProperty("title").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("carbon.showReport", first.GetProperty("command").GetProperty("command").GetString());

        await client.NotifyAsync("workspace/didChangeConfiguration",
            new { settings = new { carbon = new { inlineEstimates = "inlayHints" } } });
        hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Uri }, range = WholeFile });
        lenses = await client.RequestAsync("textDocument/codeLens", new { textDocument = new { uri = Samples.Uri } });
        Assert.Equal(5, hints.GetArrayLength());
        Assert.Equal(0, lenses.GetArrayLength());
        Assert.Equal(lensTitles, hints.EnumerateArray().Select(h => h.GetProperty("label").GetString()).ToList());

        await client.NotifyAsync("workspace/didChangeConfiguration",
            new { settings = new { carbon = new { inlineEstimates = "off" } } });
        hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Uri }, range = WholeFile });
        Assert.Equal(0, hints.GetArrayLength());
    }

    internal static async Task<List<(int Line, int Character, string Label)>> InlayHintsAsync(LspClient client)
    {
        var hints = await client.RequestAsync("textDocument/inlayHint",
            new { textDocument = new { uri = Samples.Olmo3Uri }, range = WholeFile });
        return [.. hints.EnumerateArray().Select(h => (
            h.GetProperty("position").GetProperty("line").GetInt32(),
            h.GetProperty("position").GetProperty("character").GetInt32(),
            h.GetProperty("label").GetString()!))];
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
