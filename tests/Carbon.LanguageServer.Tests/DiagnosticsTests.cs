using System.Text.Json;

namespace Carbon.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task A_valid_document_publishes_no_diagnostics_with_its_version()
    {
        await using var client = await LspClient.StartAsync();
        var published = await client.OpenAsync(Samples.Uri, Samples.Campaign);
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        Assert.Empty(Errors(published));
    }

    [Fact]
    public async Task An_error_has_the_compilers_code_and_range_and_clears_after_the_fix_and_on_close()
    {
        await using var client = await LspClient.StartAsync();
        string text = Samples.Campaign.Replace("pue = 1.2", "pue = 1.2 kWh", StringComparison.Ordinal);
        var published = await client.OpenAsync(Samples.Uri, text);
        var error = Assert.Single(Errors(published));
        Assert.StartsWith("CB", error.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.Equal("carbon", error.GetProperty("source").GetString());
        var range = error.GetProperty("range");
        Assert.Equal(1, range.GetProperty("start").GetProperty("line").GetInt32());

        // Delete " kWh" (line 1, characters 11..15) with an incremental change.
        var fixedUp = await client.ChangeAsync(Samples.Uri, 1, 11, 1, 15, "");
        Assert.Equal(2, fixedUp.GetProperty("version").GetInt32());
        Assert.Empty(Errors(fixedUp));

        var closed = await client.CloseAsync(Samples.Uri);
        Assert.Equal(0, closed.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task A_syntax_error_is_located_on_its_line()
    {
        await using var client = await LspClient.StartAsync();
        string text = Samples.Campaign.Replace("model = \"7B\"", "model = = \"7B\"", StringComparison.Ordinal);
        var published = await client.OpenAsync(Samples.Uri, text);
        var errors = Errors(published);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 10);
    }

    [Fact]
    public async Task Rapid_changes_end_with_diagnostics_for_the_last_version()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        for (int i = 0; i < 5; i++)
        {
            await client.NotifyAsync("textDocument/didChange", new
            {
                textDocument = new { uri = Samples.Uri, version = 10 + i },
                contentChanges = new[]
                {
                    new
                    {
                        range = new { start = new { line = 1, character = 8 }, end = new { line = 1, character = 9 } },
                        text = (i % 2 == 0) ? "3" : "2",
                    },
                },
            });
        }

        var last = await client.ChangeAsync(Samples.Uri, 1, 8, 1, 9, "x");
        Assert.Contains(Errors(last),
            e => e.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 1);
    }

    private static List<JsonElement> Errors(JsonElement published) =>
        [.. published.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetInt32() == 1)];
}
