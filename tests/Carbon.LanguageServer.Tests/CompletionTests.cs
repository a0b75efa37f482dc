using System.Text.Json;

namespace Carbon.LanguageServer.Tests;

public sealed class CompletionTests
{
    [Fact]
    public async Task At_the_top_level_it_offers_the_keywords()
    {
        var items = await CompleteAsync("$0\n" + Samples.Campaign);
        Assert.Contains("campaign", Labels(items));
        Assert.Contains("site", Labels(items));
        Assert.DoesNotContain("pue", Labels(items));
    }

    [Fact]
    public async Task In_a_site_it_offers_the_site_properties_with_descriptions()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("  pue = 1.2", "  pue = 1.2\n  $0", StringComparison.Ordinal));
        var grid = Item(items, "grid_market");
        Assert.Contains("market-based", grid.GetProperty("documentation").GetProperty("value").GetString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("tdp", Labels(items));
        Assert.DoesNotContain("campaign", Labels(items));
    }

    [Fact]
    public async Task In_a_stage_it_offers_run_and_the_stage_properties()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("    model = \"7B\"", "    model = \"7B\"\n    $0", StringComparison.Ordinal));
        Assert.Contains("run", Labels(items));
        Assert.Contains("variant", Labels(items));
        Assert.DoesNotContain("gpu_time", Labels(items));
    }

    [Fact]
    public async Task After_a_number_units_of_the_expected_dimension_come_first()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("gpu_time = 234_000 GPU*h", "gpu_time = 234_000 $0", StringComparison.Ordinal));
        Assert.True(Rank(items, "GPU") < Rank(items, "kWh"), "GPU should sort before kWh for an accelerator time");
        Assert.True(Rank(items, "h") < Rank(items, "kgCO2e"));
        Assert.Equal(11, Item(items, "GPU").GetProperty("kind").GetInt32());
    }

    [Fact]
    public async Task Inside_a_compound_unit_the_factor_that_completes_it_comes_first()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("power = 621 W/GPU", "power = 621 W/$0", StringComparison.Ordinal));
        Assert.True(Rank(items, "GPU") < Rank(items, "h"), "W/GPU completes a power per accelerator; W/h does not");
    }

    [Fact]
    public async Task Site_property_offers_declared_sites_then_catalogue_sites()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("  site = jupiter", "  site = $0", StringComparison.Ordinal));
        Assert.True(Rank(items, "jupiter") < Rank(items, "ai2_jupiter"));
        Assert.DoesNotContain("h100", Labels(items));
    }

    [Fact]
    public async Task After_a_catalogue_namespace_it_offers_its_constants_with_values()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("grid = 0.332 kgCO2e/kWh", "grid = grid.$0", StringComparison.Ordinal));
        var austin = Item(items, "austin_energy");
        Assert.Contains("0.332", austin.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("OLMo 2", austin.GetProperty("documentation").GetProperty("value").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_colon_it_offers_catalogue_hardware_and_kinds()
    {
        var hardware = await CompleteAsync(
            Samples.Campaign.Replace("hardware h100 : h100_sxm", "hardware h100 : $0", StringComparison.Ordinal));
        Assert.Contains("h100_sxm", Labels(hardware));
        Assert.Contains("700", Item(hardware, "h100_sxm").GetProperty("documentation").GetProperty("value").GetString(),
            StringComparison.Ordinal);

        var stage = await CompleteAsync(
            Samples.Campaign.Replace("stage dev : other", "stage dev : $0", StringComparison.Ordinal));
        Assert.Contains("pretraining", Labels(stage));
        Assert.Contains("rl", Labels(stage));
    }

    [Fact]
    public async Task Values_offer_lets_in_scope_with_their_value()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("power = dev_power", "power = $0", StringComparison.Ordinal));
        var let = Item(items, "dev_power");
        Assert.Contains("kW/GPU", let.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("grid", Labels(items));
    }

    [Fact]
    public async Task Works_in_a_file_that_does_not_parse()
    {
        const string broken = """
            site s : ai2_jupiter { pue = = }
            campaign "x" {
              stage a : pretraining {
                run final { gpu_time = 10 $0
            """;
        var items = await CompleteAsync(broken);
        Assert.True(Rank(items, "GPU") < Rank(items, "kWh"));

        var properties = await CompleteAsync(
            broken.Replace("gpu_time = 10 $0", "gpu_time = 10 GPU*h\n      $0", StringComparison.Ordinal));
        Assert.Contains("power", Labels(properties));
        Assert.Contains("facility_energy", Labels(properties));
    }

    [Fact]
    public async Task Nothing_is_offered_in_comments_or_strings()
    {
        Assert.Empty(Labels(await CompleteAsync("// a comment $0\n" + Samples.Campaign)));
        Assert.Empty(Labels(await CompleteAsync(
            Samples.Campaign.Replace("model = \"7B\"", "model = \"7$0B\"", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Budget_offers_levels_and_metrics()
    {
        var items = await CompleteAsync(
            Samples.Campaign.Replace("  hardware = h100", "  hardware = h100\n  budget $0", StringComparison.Ordinal));
        Assert.Contains("error", Labels(items));
        Assert.Contains("co2e", Labels(items));
    }

    internal static async Task<JsonElement> CompleteAsync(string marked)
    {
        var m = Marked.Parse(marked);
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, m.Text);
        return await client.RequestAsync("textDocument/completion",
            new { textDocument = new { uri = Samples.Uri }, position = m.Position });
    }

    internal static List<string> Labels(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];

    private static JsonElement Item(JsonElement list, string label) =>
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == label);

    /// <summary>The place of an item once the client sorts by sortText, as editors do.</summary>
    private static int Rank(JsonElement list, string label) =>
        list.GetProperty("items").EnumerateArray()
            .OrderBy(i => i.GetProperty("sortText").GetString(), StringComparer.Ordinal)
            .Select(i => i.GetProperty("label").GetString())
            .ToList()
            .IndexOf(label) is var at and >= 0 ? at : throw new Xunit.Sdk.XunitException($"'{label}' was not offered.");
}
