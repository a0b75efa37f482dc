using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace Carbon.LanguageServer.Tests;

/// <summary>
/// A protocol client connected to an in-process server over a pair of in-memory streams: every call
/// is a real JSON-RPC message with LSP framing, as an editor would send it.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly JsonRpc rpc;
    private readonly Handlers handlers = new();
    private int nextVersion = 1;

    private LspClient(Server server, JsonRpc rpc, StringWriter stderr)
    {
        Server = server;
        this.rpc = rpc;
        Stderr = stderr;
    }

    public Server Server { get; }

    public StringWriter Stderr { get; }

    public ConcurrentQueue<JsonElement> Logs => handlers.Logs;

    public int InlayRefreshes => handlers.InlayRefreshes;

    public static LspClient Connect()
    {
        var (serverSide, clientSide) = FullDuplexStream.CreatePair();
        var stderr = new StringWriter();
        var server = Server.Start(serverSide, serverSide, TextWriter.Synchronized(stderr),
            TimeSpan.FromMilliseconds(20));
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientSide, clientSide, formatter));
        var client = new LspClient(server, rpc, stderr);
        rpc.AddLocalRpcTarget(client.handlers,
            new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        return client;
    }

    /// <summary>Connects and completes the initialize handshake.</summary>
    public static async Task<LspClient> StartAsync(object? initializationOptions = null, string? rootUri = null)
    {
        var client = Connect();
        await client.RequestAsync("initialize", new
        {
            processId = (int?)null,
            rootUri,
            capabilities = new
            {
                workspace = new { inlayHint = new { refreshSupport = true }, codeLens = new { refreshSupport = true } },
            },
            initializationOptions,
        });
        await client.NotifyAsync("initialized", new { });
        return client;
    }

    public Task<JsonElement> RequestAsync(string method, object? parameters) =>
        rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters).WaitAsync(Timeout);

    public Task NotifyAsync(string method, object? parameters) =>
        rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>Opens a document and waits for its first diagnostics.</summary>
    public async Task<JsonElement> OpenAsync(string uri, string text)
    {
        int version = nextVersion++;
        var waiting = handlers.WaitForDiagnostics(uri, version);
        await NotifyAsync("textDocument/didOpen",
            new { textDocument = new { uri, languageId = "carbon", version, text } });
        return await waiting.WaitAsync(Timeout);
    }

    /// <summary>
    /// Replaces a range (zero-based lines and characters) and waits for the new version's diagnostics.
    /// </summary>
    public async Task<JsonElement> ChangeAsync(string uri, int line, int character, int endLine, int endCharacter,
        string newText)
    {
        int version = nextVersion++;
        var waiting = handlers.WaitForDiagnostics(uri, version);
        await NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = new[]
            {
                new
                {
                    range = new
                    {
                        start = new { line, character },
                        end = new { line = endLine, character = endCharacter },
                    },
                    text = newText,
                },
            },
        });
        return await waiting.WaitAsync(Timeout);
    }

    /// <summary>Closes a document and returns the diagnostics published on close.</summary>
    public async Task<JsonElement> CloseAsync(string uri)
    {
        var waiting = handlers.WaitForDiagnostics(uri, null);
        await NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        return await waiting.WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        Server.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>What the server sends to the client.</summary>
    private sealed class Handlers
    {
        private readonly Lock gate = new();
        private readonly List<(string Uri, int? Version, TaskCompletionSource<JsonElement> Done)> waiters = [];
        private int inlayRefreshes;
        private int codeLensRefreshes;

        public ConcurrentQueue<JsonElement> Logs { get; } = new();

        public int InlayRefreshes => Volatile.Read(ref inlayRefreshes);

        public int CodeLensRefreshes => Volatile.Read(ref codeLensRefreshes);

        public Task<JsonElement> WaitForDiagnostics(string uri, int? version)
        {
            var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (gate)
            {
                waiters.Add((uri, version, done));
            }

            return done.Task;
        }

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(JsonElement p)
        {
            string uri = p.GetProperty("uri").GetString()!;
            int? version = p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number
                ? v.GetInt32()
                : null;
            lock (gate)
            {
                foreach (var w in waiters.Where(w => w.Uri == uri && w.Version == version).ToList())
                {
                    waiters.Remove(w);
                    w.Done.TrySetResult(p.Clone());
                }
            }
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement p) => Logs.Enqueue(p.Clone());

        [JsonRpcMethod("workspace/inlayHint/refresh")]
        public object? InlayRefresh()
        {
            Interlocked.Increment(ref inlayRefreshes);
            return null;
        }

        [JsonRpcMethod("workspace/codeLens/refresh")]
        public object? CodeLensRefresh()
        {
            Interlocked.Increment(ref codeLensRefreshes);
            return null;
        }
    }
}
