using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace Carbon.LanguageServer.Bench;

/// <summary>
/// Benchmark of carbon-lsp as an editor sees it: starts the built server as a process, opens a
/// generated campaign, makes one-character edits (a digit of a run's GPU-hours) and measures the
/// time from each edit to fresh diagnostics and inlay hints, the completion latency, and the
/// server's memory afterwards. A benchmark, not a test: it prints figures and fails only on errors.
/// Usage: carbon-lsp-bench [--server path/to/carbon-lsp.dll] [--lines 5000] [--edits 200]
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        string server = Option(args, "--server") ?? DefaultServer();
        int lines = int.Parse(Option(args, "--lines") ?? "5000", CultureInfo.InvariantCulture);
        int edits = int.Parse(Option(args, "--edits") ?? "200", CultureInfo.InvariantCulture);
        if (!File.Exists(server))
        {
            Console.Error.WriteLine(
                $"carbon-lsp-bench: server not found at {server}; build lsp/Carbon.LanguageServer in Release first.");
            return 2;
        }

        var (text, editLines) = Generate(lines);
        var psi = new ProcessStartInfo("dotnet", [server])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        var client = new Client();
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream,
            process.StandardOutput.BaseStream, formatter));
        rpc.AddLocalRpcTarget(client, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();

        const string uri = "file:///bench/generated.carbon";
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize",
            new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { } });
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });
        var opened = client.WaitFor(1);
        var openWatch = Stopwatch.StartNew();
        await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen",
            new { textDocument = new { uri, languageId = "carbon", version = 1, text } });
        var first = await opened;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"opened {lines} lines: first diagnostics after {openWatch.ElapsedMilliseconds} ms " +
            $"({first.GetProperty("diagnostics").GetArrayLength()} diagnostics)"));

        var hintsLatency = new List<double>();
        var completionLatency = new List<double>();
        var random = new Random(42);
        for (int i = 0; i < edits; i++)
        {
            int version = i + 2;
            var (line, column) = editLines[random.Next(editLines.Count)];
            string digit = ((i % 9) + 1).ToString(CultureInfo.InvariantCulture);
            var range = new { start = new { line, character = column }, end = new { line, character = column + 1 } };
            var diagnostics = client.WaitFor(version);
            var watch = Stopwatch.StartNew();
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version },
                contentChanges = new[] { new { range, text = digit } },
            });

            // An editor asks for the hints of the visible lines right after the edit.
            var visible = new
            {
                start = new { line = Math.Max(line - 40, 0), character = 0 },
                end = new { line = line + 40, character = 0 },
            };
            var hints = rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/inlayHint",
                new { textDocument = new { uri }, range = visible });
            await Task.WhenAll(diagnostics, hints);
            hintsLatency.Add(watch.Elapsed.TotalMilliseconds);
            if ((await hints).GetArrayLength() == 0)
            {
                Console.Error.WriteLine($"edit {i}: no hints returned");
            }

            var completionWatch = Stopwatch.StartNew();
            var items = await rpc.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new
            {
                textDocument = new { uri },
                position = new { line, character = column + 7 },
            });
            completionLatency.Add(completionWatch.Elapsed.TotalMilliseconds);
            if (items.GetProperty("items").GetArrayLength() == 0)
            {
                Console.Error.WriteLine($"edit {i}: no completion items");
            }
        }

        process.Refresh();
        long workingSet = process.WorkingSet64;
        long privateBytes = process.PrivateMemorySize64;
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown", null);
        await rpc.NotifyWithParameterObjectAsync("exit", null);
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{edits} one-character edits on {lines} lines"));
        Console.WriteLine(Line("edit -> diagnostics + inlay hints", hintsLatency));
        Console.WriteLine(Line("completion", completionLatency));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server memory after the edits: working set {workingSet / (1024.0 * 1024):F0} MiB, " +
            $"private {privateBytes / (1024.0 * 1024):F0} MiB"));
        return 0;
    }

    private static string Line(string what, List<double> samples)
    {
        var sorted = samples.Order().ToList();
        double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms");
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string DefaultServer()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? ".", "lsp", "Carbon.LanguageServer", "bin", "Release", "net10.0",
            "carbon-lsp.dll");
    }

    /// <summary>
    /// A campaign of about <paramref name="lines"/> lines: sites, hardware and lets, then stages of
    /// eight runs with comments, as a large real file would have. Returns the places of the
    /// GPU-hour digits the edits change (the digit after the first, so the value stays positive).
    /// </summary>
    private static (string Text, List<(int Line, int Column)> Edits) Generate(int lines)
    {
        var sb = new StringBuilder();
        var edits = new List<(int, int)>();
        int line = 0;
        void Add(string s)
        {
            sb.Append(s).Append('\n');
            line++;
        }

        Add("// Generated for the language server benchmark.");
        Add("site jupiter : ai2_jupiter {");
        Add("  gpu_share_of_it = 57.5 %");
        Add("  water_offsite = 1.29 L/kWh");
        Add("}");
        Add("site iowa : google_council_bluffs { }");
        Add("hardware h100 : h100_sxm { }");
        Add("hardware a100 : a100_sxm { }");
        Add("let dev_power = 580.9 W/GPU");
        Add("campaign \"Generated\" {");
        Add("  site = jupiter");
        Add("  hardware = h100");
        for (int s = 0; line < lines - 2; s++)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"  // Stage {s}: eight runs."));
            Add(string.Create(CultureInfo.InvariantCulture, $"  stage stage_{s} : pretraining {{"));
            Add(string.Create(CultureInfo.InvariantCulture, $"    model = \"{s % 7}B\""));
            for (int r = 0; r < 8 && line < lines - 3; r++)
            {
                string prefix = string.Create(CultureInfo.InvariantCulture,
                    $"    run run_{r} : {(r == 0 ? "final" : "development")} {{ gpu_time = ");
                edits.Add((line, prefix.Length + 1));
                Add(prefix + string.Create(CultureInfo.InvariantCulture,
                    $"{1000 + (s * 8) + r} GPU*h  power = {(r % 2 == 0 ? "621 W/GPU" : "dev_power")} }}"));
            }

            Add("  }");
        }

        Add("}");
        return (sb.ToString(), edits);
    }

    /// <summary>Receives what the server sends: diagnostics are matched to the version they are for.</summary>
    private sealed class Client
    {
        private readonly Lock gate = new();
        private readonly Dictionary<int, TaskCompletionSource<JsonElement>> waiting = [];

        public Task<JsonElement> WaitFor(int version)
        {
            lock (gate)
            {
                if (!waiting.TryGetValue(version, out var done))
                {
                    done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
                    waiting[version] = done;
                }

                return done.Task;
            }
        }

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(JsonElement p)
        {
            if (!p.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number)
            {
                return;
            }

            WaitFor(v.GetInt32());
            lock (gate)
            {
                waiting[v.GetInt32()].TrySetResult(p.Clone());
            }
        }

        public int Logs { get; private set; }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement p) => Logs += p.ValueKind == JsonValueKind.Object ? 1 : 0;
    }
}
