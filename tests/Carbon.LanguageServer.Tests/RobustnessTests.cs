using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Carbon.LanguageServer.Tests;

public sealed class RobustnessTests
{
    private static readonly object Origin = new { line = 0, character = 0 };

    [Fact]
    public async Task A_request_before_initialize_is_refused_with_ServerNotInitialized()
    {
        await using var raw = RawConnection.Connect();
        await raw.RequestAsync(7, "textDocument/hover",
            new { textDocument = new { uri = Samples.Uri }, position = Origin });
        var response = await raw.ResponseAsync(7);
        Assert.Equal(-32002, response.GetProperty("error").GetProperty("code").GetInt32());

        // The server still initialises afterwards.
        await raw.InitializeAsync(8);
    }

    [Fact]
    public async Task Malformed_json_is_skipped_and_the_next_request_is_answered()
    {
        await using var raw = RawConnection.Connect();
        await raw.SendRawAsync("{ this is not json");
        await raw.SendRawAsync("[1, 2,");
        await raw.SendRawAsync("\"just a string\"");
        await raw.InitializeAsync(3);
        await raw.RequestAsync(4, "shutdown", null);
        var response = await raw.ResponseAsync(4);
        Assert.True(response.TryGetProperty("result", out _));
        Assert.Contains("malformed", raw.Stderr.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_method_gets_MethodNotFound_and_an_unknown_notification_is_ignored()
    {
        await using var raw = RawConnection.Connect();
        await raw.InitializeAsync();
        await raw.NotifyAsync("$/somethingNew", new { x = 1 });
        await raw.NotifyAsync("custom/notification", new { });
        await raw.RequestAsync(2, "textDocument/prepareTypeHierarchy", new { });
        var response = await raw.ResponseAsync(2);
        Assert.Equal(-32601, response.GetProperty("error").GetProperty("code").GetInt32());
        await raw.RequestAsync(3, "shutdown", null);
        Assert.True((await raw.ResponseAsync(3)).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task An_exception_in_one_request_answers_only_that_request_with_an_error()
    {
        await using var raw = RawConnection.Connect();
        await raw.InitializeAsync();
        await raw.NotifyAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = Samples.Uri, languageId = "carbon", version = 1, text = Samples.Campaign },
        });

        // No position: the handler fails inside; the answer is an error for this id only.
        await raw.RequestAsync(2, "textDocument/completion", new { textDocument = new { uri = Samples.Uri } });
        var failed = await raw.ResponseAsync(2);
        Assert.True(failed.TryGetProperty("error", out _));

        await raw.RequestAsync(3, "carbon/report", new { textDocument = new { uri = Samples.Uri }, format = "pdf" });
        Assert.Equal(-32602, (await raw.ResponseAsync(3)).GetProperty("error").GetProperty("code").GetInt32());

        await raw.RequestAsync(4, "textDocument/hover",
            new { textDocument = new { uri = "file:///not/open.carbon" }, position = Origin });
        Assert.True((await raw.ResponseAsync(4)).TryGetProperty("error", out _));

        await raw.RequestAsync(5, "textDocument/completion",
            new { textDocument = new { uri = Samples.Uri }, position = Origin });
        var ok = await raw.ResponseAsync(5);
        Assert.True(ok.GetProperty("result").GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Out_of_range_positions_are_clamped()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        foreach (var position in new object[]
        {
            new { line = 9999, character = 5 }, new { line = 2, character = 9999 }, new { line = -1, character = -4 },
        })
        {
            var completion = await client.RequestAsync("textDocument/completion",
                new { textDocument = new { uri = Samples.Uri }, position });
            Assert.Equal(JsonValueKind.Object, completion.ValueKind);
            var hover = await client.RequestAsync("textDocument/hover",
                new { textDocument = new { uri = Samples.Uri }, position });
            Assert.True(hover.ValueKind is JsonValueKind.Null or JsonValueKind.Object);
            await client.RequestAsync("textDocument/definition",
                new { textDocument = new { uri = Samples.Uri }, position });
        }

        // An edit whose range lies past the end appends; the server keeps going.
        var published = await client.ChangeAsync(Samples.Uri, 5000, 0, 5001, 3, "\n// appended\n");
        Assert.Equal(JsonValueKind.Array, published.GetProperty("diagnostics").ValueKind);
    }

    [Fact]
    public async Task A_cancelled_request_does_not_disturb_the_server()
    {
        await using var raw = RawConnection.Connect();
        await raw.InitializeAsync();
        await raw.NotifyAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = Samples.Uri, languageId = "carbon", version = 1, text = Samples.Campaign },
        });
        await raw.RequestAsync(2, "textDocument/inlayHint", new
        {
            textDocument = new { uri = Samples.Uri },
            range = new { start = Origin, end = new { line = 100, character = 0 } },
        });
        await raw.NotifyAsync("$/cancelRequest", new { id = 2 });
        await raw.NotifyAsync("$/cancelRequest", new { id = 12345 });
        var first = await raw.ResponseAsync(2);

        // Either it finished before the cancel arrived or it was cancelled with RequestCancelled.
        Assert.True(first.TryGetProperty("result", out _)
            || first.GetProperty("error").GetProperty("code").GetInt32() == -32800);
        await raw.RequestAsync(3, "textDocument/documentSymbol", new { textDocument = new { uri = Samples.Uri } });
        Assert.True((await raw.ResponseAsync(3)).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_code_zero_and_later_requests_are_refused()
    {
        await using var raw = RawConnection.Connect();
        await raw.InitializeAsync();
        await raw.RequestAsync(2, "shutdown", null);
        await raw.ResponseAsync(2);
        await raw.RequestAsync(3, "textDocument/hover",
            new { textDocument = new { uri = Samples.Uri }, position = Origin });
        Assert.Equal(-32600, (await raw.ResponseAsync(3)).GetProperty("error").GetProperty("code").GetInt32());
        await raw.NotifyAsync("exit", null);
        await raw.Server.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, raw.Server.ExitCode);
    }

    [Fact]
    public async Task A_document_of_50000_lines_is_served()
    {
        var text = new StringBuilder();
        text.Append("site jupiter : ai2_jupiter { }\nhardware h100 : h100_sxm { }\n" +
            "campaign \"Big\" {\n  site = jupiter\n  hardware = h100\n");
        int lines = 5;
        for (int s = 0; lines < 50_000 - 6; s++)
        {
            text.Append("  stage s").Append(s).Append(" : pretraining {\n");
            for (int r = 0; r < 8; r++)
            {
                text.Append("    run r").Append(r).Append(" : development { gpu_time = ").Append(100 + r)
                    .Append(" GPU*h  power = 600 W/GPU }\n");
            }

            text.Append("  }\n");
            lines += 10;
        }

        text.Append("}\n");

        // The compiler takes tens of seconds on a file this size, so the test does not wait for the
        // analysis: it checks that the server keeps answering while the analysis runs.
        await using var client = await LspClient.StartAsync();
        var watch = Stopwatch.StartNew();
        await client.NotifyAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = Samples.Uri, languageId = "carbon", version = 1, text = text.ToString() },
        });
        var position = new { line = 49_990, character = 4 };
        var completion = await client.RequestAsync("textDocument/completion",
            new { textDocument = new { uri = Samples.Uri }, position });
        Assert.Contains("run", CompletionTests.Labels(completion));
        Assert.Contains("gpu_time", CompletionTests.Labels(await client.RequestAsync("textDocument/completion", new
        {
            textDocument = new { uri = Samples.Uri },
            position = new { line = 45_001, character = 27 },
        })));

        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Samples.Uri, version = 2 },
            contentChanges = new[]
            {
                new
                {
                    range = new { start = new { line = 6, character = 4 }, end = new { line = 6, character = 5 } },
                    text = "r",
                },
            },
        });
        var units = await client.RequestAsync("textDocument/completion", new
        {
            textDocument = new { uri = Samples.Uri },
            position = new { line = 30_001, character = 42 },
        });
        Assert.Contains("GPU", CompletionTests.Labels(units));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20),
            $"completion took {watch.Elapsed} while the analysis ran");

        var closed = await client.CloseAsync(Samples.Uri);
        Assert.Equal(0, closed.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Random_edits_and_requests_about_unknown_documents_leave_the_server_serving()
    {
        await using var client = await LspClient.StartAsync();
        await client.OpenAsync(Samples.Uri, Samples.Campaign);
        var random = new Random(7);
        string[] pieces = ["{", "}", "(", "\"", "/*", "*/", "\n", "1e999", " GPU*h", "run x {", "=", "\u0000", "\u202E", "let"];
        for (int i = 0; i < 60; i++)
        {
            int line = random.Next(0, 40);
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
            var published = await client.ChangeAsync(Samples.Uri, line, random.Next(0, 30), line, random.Next(0, 60), text);
            Assert.Equal(JsonValueKind.Array, published.GetProperty("diagnostics").ValueKind);
        }

        const string Unknown = "file:///nowhere/unknown.carbon";
        var refused = await Assert.ThrowsAsync<StreamJsonRpc.RemoteInvocationException>(() => client.RequestAsync(
            "textDocument/hover", new { textDocument = new { uri = Unknown }, position = Origin }));
        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Unknown, version = 9 },
            contentChanges = new[] { new { text = "site s { }" } },
        });
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = Samples.Uri } });

        Assert.Contains("is not open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, symbols.ValueKind);
    }
}
