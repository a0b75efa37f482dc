using System.Text.Json;

namespace Carbon.LanguageServer.Tests;

public sealed class HoverTests
{
    [Fact]
    public async Task A_property_shows_its_quantity_unit_and_dimension()
    {
        string text = await HoverAsync(
            Samples.Campaign.Replace("power = 621", "po$0wer = 621", StringComparison.Ordinal));
        Assert.Contains("0.621 kW/GPU", text, StringComparison.Ordinal);
        Assert.Contains("a power per accelerator", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_literal_shows_its_canonical_value()
    {
        string text = await HoverAsync(
            Samples.Campaign.Replace("234_000 GPU*h", "234_0$000 GPU*h", StringComparison.Ordinal));
        Assert.Contains("= 234,000 ", text, StringComparison.Ordinal);
        Assert.Contains("an accelerator time", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_shows_its_energy_co2e_and_water()
    {
        string text = await HoverAsync(Samples.Campaign.Replace("run final", "run fi$0nal", StringComparison.Ordinal));
        Assert.Contains("≈", text, StringComparison.Ordinal);
        Assert.Contains("tCO2e", text, StringComparison.Ordinal);
        Assert.Contains("Energy (facility)", text, StringComparison.Ordinal);
        Assert.Contains("Water consumed", text, StringComparison.Ordinal);
        Assert.Contains("measured", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_and_the_campaign_show_their_totals()
    {
        Assert.Contains("tCO2e", await HoverAsync(
            Samples.Campaign.Replace("stage pretrain", "stage pre$0train", StringComparison.Ordinal)),
            StringComparison.Ordinal);
        Assert.Contains("tCO2e", await HoverAsync(
            Samples.Campaign.Replace("campaign \"Test\"", "campaign \"Te$0st\"", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalogue_entry_shows_its_values_and_sources()
    {
        string text = await HoverAsync(
            Samples.Campaign.Replace(": h100_sxm", ": h100$0_sxm", StringComparison.Ordinal));
        Assert.Contains("700 W/GPU", text, StringComparison.Ordinal);
        Assert.Contains("Meta model cards", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalogue_constant_shows_its_source()
    {
        string text = await HoverAsync(Samples.Campaign.Replace(
            "grid = 0.332 kgCO2e/kWh", "grid = grid.austin$0_energy", StringComparison.Ordinal));
        Assert.Contains("0.332 kgCO2e/kWh", text, StringComparison.Ordinal);
        Assert.Contains("Austin Energy", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_site_shows_where_its_values_come_from()
    {
        string text = await HoverAsync(
            Samples.Campaign.Replace("site = jupiter", "site = jupi$0ter", StringComparison.Ordinal));
        Assert.Contains("ai2_jupiter", text, StringComparison.Ordinal);
        Assert.Contains("stated", text, StringComparison.Ordinal);
        Assert.Contains("catalogue", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whitespace_has_no_hover()
    {
        var m = Marked.Parse("$0\n" + Samples.Campaign);
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, m.Text);
        var hover = await client.RequestAsync("textDocument/hover",
            new { textDocument = new { uri = Samples.Uri }, position = m.Position });
        Assert.Equal(JsonValueKind.Null, hover.ValueKind);
    }

    private static async Task<string> HoverAsync(string marked)
    {
        var m = Marked.Parse(marked);
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, m.Text);
        var hover = await client.RequestAsync("textDocument/hover",
            new { textDocument = new { uri = Samples.Uri }, position = m.Position });
        Assert.Equal(JsonValueKind.Object, hover.ValueKind);
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        return hover.GetProperty("contents").GetProperty("value").GetString()!;
    }
}
