using System.Text.Json;

namespace Carbon.LanguageServer.Tests;

public sealed class NavigationTests
{
    [Fact]
    public async Task Definition_goes_from_a_use_to_the_declaration()
    {
        var m = Marked.Parse(
            Samples.Campaign.Replace("power = dev_power", "power = dev_p$0ower", StringComparison.Ordinal));
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, m.Text);
        var result = await client.RequestAsync("textDocument/definition",
            new { textDocument = new { uri = Samples.Uri }, position = m.Position });
        var location = Assert.Single(result.EnumerateArray());
        Assert.Equal(Samples.Uri, location.GetProperty("uri").GetString());
        var start = location.GetProperty("range").GetProperty("start");
        Assert.Equal(5, start.GetProperty("line").GetInt32());
        Assert.Equal(4, start.GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Definition_of_a_catalogue_entry_is_empty()
    {
        var m = Marked.Parse(
            Samples.Campaign.Replace("site = jupiter", "site = ai2_jup$0iter", StringComparison.Ordinal));
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, m.Text);
        var result = await client.RequestAsync("textDocument/definition",
            new { textDocument = new { uri = Samples.Uri }, position = m.Position });
        Assert.Equal(0, result.GetArrayLength());
    }

    [Fact]
    public async Task Definition_reaches_into_an_imported_file()
    {
        string dir = Directory.CreateTempSubdirectory("carbon-lsp-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "shared.carbon"), "site jupiter : ai2_jupiter { pue = 1.2 }\n");
            string main = Path.Combine(dir, "main.carbon");
            string uri = new System.Uri(main).AbsoluteUri;
            var m = Marked.Parse("import \"shared.carbon\"\nhardware h : h100_sxm { }\ncampaign \"c\" {\n" +
                "  site = jup$0iter\n  hardware = h\n" +
                "  stage s : pretraining { run final { gpu_time = 10 GPU*h } }\n}\n");
            await using var client = await LspClient.StartAsync(rootUri: new System.Uri(dir).AbsoluteUri);
            var published = await client.OpenAsync(uri, m.Text);
            Assert.DoesNotContain(published.GetProperty("diagnostics").EnumerateArray(),
                d => d.GetProperty("severity").GetInt32() == 1);
            var result = await client.RequestAsync("textDocument/definition",
                new { textDocument = new { uri }, position = m.Position });
            var location = Assert.Single(result.EnumerateArray());
            Assert.EndsWith("/shared.carbon", location.GetProperty("uri").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_outline_lists_sites_hardware_lets_and_the_campaign_with_stages_and_runs()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        var symbols = await client.RequestAsync("textDocument/documentSymbol",
            new { textDocument = new { uri = Samples.Uri } });
        Assert.Equal(["jupiter", "h100", "dev_power", "Test"],
            symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var campaign = symbols[3];
        Assert.Contains("≈", campaign.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stages = campaign.GetProperty("children");
        Assert.Equal(["pretrain", "dev"], stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("final", stages[0].GetProperty("children")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_outline_survives_a_syntax_error()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri,
            Samples.Campaign.Replace("model = \"7B\"", "model = = ", StringComparison.Ordinal));
        var symbols = await client.RequestAsync("textDocument/documentSymbol",
            new { textDocument = new { uri = Samples.Uri } });
        Assert.Contains(symbols.EnumerateArray(), s => s.GetProperty("name").GetString() == "jupiter");
    }

    [Fact]
    public async Task Report_and_generated_csharp_requests_answer_with_content()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        var json = await client.RequestAsync("carbon/report",
            new { textDocument = new { uri = Samples.Uri }, format = "json" });
        using var parsed = JsonDocument.Parse(json.GetProperty("content").GetString()!);
        Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);

        var table = await client.RequestAsync("carbon/report",
            new { textDocument = new { uri = Samples.Uri }, format = "table" });
        Assert.Contains("Campaign \"Test\"", table.GetProperty("content").GetString(), StringComparison.Ordinal);

        var markdown = await client.RequestAsync("carbon/report",
            new { textDocument = new { uri = Samples.Uri }, format = "markdown" });
        Assert.Contains("Test", markdown.GetProperty("content").GetString(), StringComparison.Ordinal);

        var code = await client.RequestAsync("carbon/generatedCSharp",
            new { textDocument = new { uri = Samples.Uri } });
        Assert.Contains("class", code.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_file_with_errors_says_why_there_is_none()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign.Replace("621 W/GPU", "621 kWh", StringComparison.Ordinal));
        var report = await client.RequestAsync("carbon/report",
            new { textDocument = new { uri = Samples.Uri }, format = "table" });
        Assert.Contains("error", report.GetProperty("content").GetString(), StringComparison.Ordinal);
        var code = await client.RequestAsync("carbon/generatedCSharp",
            new { textDocument = new { uri = Samples.Uri } });
        Assert.StartsWith("No generated C#", code.GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
