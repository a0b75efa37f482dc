using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.LanguageServer.Capabilities;
using Carbon.LanguageServer.Protocol;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace Carbon.LanguageServer;

/// <summary>How inline estimates are shown: as inlay hints, as code lenses, or not at all.</summary>
public enum InlineEstimates
{
    InlayHints,
    CodeLens,
    Off,
}

/// <summary>
/// The language server: lifecycle (initialize, shutdown, exit), dispatch of each method to its
/// capability, and the notifications it sends. Only this file and <see cref="Program"/> know
/// StreamJsonRpc. Handlers run one at a time in arrival order (text changes must apply in order);
/// work that takes long, the compilation, runs on the thread pool and is awaited.
/// </summary>
public sealed class Server : IDisposable
{
    private readonly JsonRpc rpc;
    private readonly Logger log;
    private readonly Workspace workspace = new();
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool initialized;
    private bool shutdownRequested;
    private bool inlayRefresh;
    private bool codeLensRefresh;

    private Server(Stream input, Stream output, TextWriter stderr)
    {
        log = new Logger(stderr);
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        formatter.JsonSerializerOptions.PropertyNameCaseInsensitive = true;
        var handler = new TolerantMessageHandler(output, input, formatter, log);
        rpc = new JsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        rpc.AddLocalRpcTarget(new Methods(this),
            new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.Disconnected += (_, e) =>
        {
            if (e.Exception is not null && !shutdownRequested)
            {
                log.Error($"Connection lost: {e.Description}");
            }
        };
        workspace.Analysed += OnAnalysed;
        workspace.Failed += (doc, ex) => log.Error($"Analysis of {doc.Uri} (version {doc.Version}) failed: {ex}");
    }

    public InlineEstimates Estimates { get; private set; } = InlineEstimates.InlayHints;

    /// <summary>Completes when the connection closes: after <c>exit</c>, or when the client goes away.</summary>
    public Task Completion => rpc.Completion;

    /// <summary>
    /// Completes on the <c>exit</c> notification. The process should end then rather than wait for
    /// <see cref="Completion"/>: a read blocked on standard input cannot always be interrupted.
    /// </summary>
    public Task Exited => exited.Task;

    /// <summary>0 after <c>shutdown</c> then <c>exit</c>; 1 when the connection ended any other way.</summary>
    public int ExitCode => shutdownRequested ? 0 : 1;

    internal Workspace Workspace => workspace;

    /// <summary>
    /// Starts serving: reads requests from <paramref name="input"/> and writes to <paramref name="output"/>.
    /// </summary>
    public static Server Start(Stream input, Stream output, TextWriter stderr, TimeSpan? debounce = null)
    {
        var server = new Server(input, output, stderr);
        if (debounce is { } d)
        {
            server.workspace.Debounce = d;
        }

        server.rpc.StartListening();
        return server;
    }

    public void Dispose() => rpc.Dispose();

    private void OnAnalysed(DocumentAnalysis analysis)
    {
        var publish = Diagnostics.Publish(analysis);
        Notify("textDocument/publishDiagnostics", publish);
        if (inlayRefresh && Estimates == InlineEstimates.InlayHints)
        {
            Refresh("workspace/inlayHint/refresh");
        }

        if (codeLensRefresh && Estimates == InlineEstimates.CodeLens)
        {
            Refresh("workspace/codeLens/refresh");
        }
    }

    private void Notify(string method, object parameters)
    {
        if (rpc.IsDisposed)
        {
            return;
        }

        _ = rpc.NotifyWithParameterObjectAsync(method, parameters).ContinueWith(
            t => Console.Error.WriteLine($"[carbon-lsp] {method} not sent: {t.Exception?.GetBaseException().Message}"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    // A refresh is a request to the client; its answer carries nothing, so it is not awaited.
    private void Refresh(string method)
    {
        if (rpc.IsDisposed)
        {
            return;
        }

        _ = rpc.InvokeWithParameterObjectAsync<object?>(method).ContinueWith(
            t => log.Warning($"{method} failed: {t.Exception?.GetBaseException().Message}"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    private void RequireInitialized()
    {
        if (!initialized)
        {
            throw new LocalRpcException("The server is not initialized yet.")
            {
                ErrorCode = ErrorCodes.ServerNotInitialized,
            };
        }

        if (shutdownRequested)
        {
            throw new LocalRpcException("The server is shutting down.") { ErrorCode = ErrorCodes.InvalidRequest };
        }
    }

    private DocumentSnapshot RequireDocument(TextDocumentIdentifier? document)
    {
        RequireInitialized();
        if (document?.Uri is not { } uri)
        {
            throw new LocalRpcException("textDocument.uri is missing.") { ErrorCode = ErrorCodes.InvalidParams };
        }

        return workspace.Documents.Get(uri)
            ?? throw new LocalRpcException($"The document {uri} is not open.") { ErrorCode = ErrorCodes.RequestFailed };
    }

    // Every request goes through here: a failure answers that request with an error and nothing else.
    private async Task<T> Guard<T>(string method, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (ex is not LocalRpcException and not OperationCanceledException)
        {
            log.Error($"{method} failed: {ex}");
            throw new LocalRpcException($"{method} failed: {ex.Message}") { ErrorCode = ErrorCodes.InternalError };
        }
    }

    private void GuardNotification(string method, Action work)
    {
        if (!initialized || shutdownRequested)
        {
            return;
        }

        try
        {
            work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.Error($"{method} failed: {ex}");
        }
    }

    private void ApplySettings(JsonElement? carbon)
    {
        string? mode = Json.Text(carbon, "inlineEstimates");
        var next = mode switch
        {
            "codeLens" => InlineEstimates.CodeLens,
            "off" => InlineEstimates.Off,
            "inlayHints" => InlineEstimates.InlayHints,
            _ => Estimates,
        };
        if (mode is not null and not ("codeLens" or "off" or "inlayHints"))
        {
            log.Warning($"Unknown inlineEstimates setting '{mode}'; keeping '{Estimates}'.");
        }

        Estimates = next;
    }

    /// <summary>
    /// The methods the client may call. Each one checks the lifecycle, finds the document and hands
    /// over to the capability that answers it.
    /// </summary>
    private sealed class Methods(Server s)
    {
        [JsonRpcMethod("initialize")]
        public InitializeResult Initialize(InitializeParams p)
        {
            if (s.initialized)
            {
                throw new LocalRpcException("initialize was already received.")
                {
                    ErrorCode = ErrorCodes.InvalidRequest,
                };
            }

            var roots = (p.WorkspaceFolders ?? []).Select(f => Uris.ToFilePath(f.Uri)).OfType<string>().ToList();
            if (roots.Count == 0 && p.RootUri is not null && Uris.ToFilePath(p.RootUri) is { } root)
            {
                roots.Add(root);
            }

            s.workspace.Roots = roots;
            s.inlayRefresh = Json.Flag(p.Capabilities, "workspace", "inlayHint", "refreshSupport");
            s.codeLensRefresh = Json.Flag(p.Capabilities, "workspace", "codeLens", "refreshSupport");
            s.ApplySettings(p.InitializationOptions);
            s.initialized = true;
            s.log.Client = m => s.Notify("window/logMessage", m);
            return new InitializeResult(
                new ServerCapabilities(
                    PositionEncoding: "utf-16",
                    TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true,
                        Change: TextDocumentSyncKind.Incremental),
                    CompletionProvider: new CompletionOptions([".", ":", "=", " ", "/", "*"], ResolveProvider: false),
                    HoverProvider: true,
                    DefinitionProvider: true,
                    DocumentSymbolProvider: true,
                    InlayHintProvider: new InlayHintOptions(ResolveProvider: false),
                    CodeLensProvider: new CodeLensOptions(ResolveProvider: false)),
                new ServerInfo("carbon-lsp", typeof(Server).Assembly.GetName().Version?.ToString() ?? "0"));
        }

        [JsonRpcMethod("initialized")]
        public void Initialized() =>
            s.log.Info($"Ready; inline estimates as {s.Estimates}, {s.workspace.Roots.Count} workspace folder(s).");

        [JsonRpcMethod("shutdown")]
        public object? Shutdown()
        {
            s.RequireInitialized();
            s.shutdownRequested = true;
            return null;
        }

        [JsonRpcMethod("exit")]
        public void Exit()
        {
            s.exited.TrySetResult();
            _ = Task.Run(s.rpc.Dispose);
        }

        [JsonRpcMethod("workspace/didChangeConfiguration")]
        public void DidChangeConfiguration(DidChangeConfigurationParams p) =>
            s.GuardNotification("workspace/didChangeConfiguration", () =>
            {
                var before = s.Estimates;
                s.ApplySettings(Json.At(p.Settings, "carbon"));
                if (before != s.Estimates)
                {
                    s.log.Info($"Inline estimates now shown as {s.Estimates}.");
                    s.Refresh("workspace/inlayHint/refresh");
                    s.Refresh("workspace/codeLens/refresh");
                }
            });

        [JsonRpcMethod("textDocument/didOpen")]
        public void DidOpen(DidOpenTextDocumentParams p) =>
            s.GuardNotification("textDocument/didOpen", () =>
                s.workspace.Open(new DocumentSnapshot(p.TextDocument.Uri, p.TextDocument.Version,
                    p.TextDocument.Text ?? "")));

        [JsonRpcMethod("textDocument/didChange")]
        public void DidChange(DidChangeTextDocumentParams p) =>
            s.GuardNotification("textDocument/didChange", () =>
            {
                if (s.workspace.Documents.Get(p.TextDocument.Uri) is not { } doc)
                {
                    s.log.Warning($"didChange for {p.TextDocument.Uri}, which is not open; ignored.");
                    return;
                }

                s.workspace.Change(doc.With(p.TextDocument.Version, p.ContentChanges ?? []));
            });

        [JsonRpcMethod("textDocument/didClose")]
        public void DidClose(DidCloseTextDocumentParams p) =>
            s.GuardNotification("textDocument/didClose", () =>
            {
                s.workspace.Close(p.TextDocument.Uri);
                s.Notify("textDocument/publishDiagnostics", new PublishDiagnosticsParams(p.TextDocument.Uri, null, []));
            });

        [JsonRpcMethod("textDocument/completion")]
        public Task<CompletionList> Completion(CompletionParams p) =>
            s.Guard("textDocument/completion", () =>
            {
                var doc = s.RequireDocument(p.TextDocument);
                return Task.FromResult(Capabilities.Completion.Complete(doc, s.workspace.LastCompleted(doc.Uri),
                    p.Position));
            });

        [JsonRpcMethod("textDocument/hover")]
        public Task<Hover?> Hover(TextDocumentPositionParams p, CancellationToken ct) =>
            s.Guard("textDocument/hover", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return Hovers.Get(analysis, p.Position);
            });

        [JsonRpcMethod("textDocument/inlayHint")]
        public Task<IReadOnlyList<InlayHint>> InlayHint(InlayHintParams p, CancellationToken ct) =>
            s.Guard("textDocument/inlayHint", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return s.Estimates == InlineEstimates.InlayHints ? InlayHints.Get(analysis, p.Range) : [];
            });

        [JsonRpcMethod("textDocument/codeLens")]
        public Task<IReadOnlyList<CodeLens>> CodeLens(CodeLensParams p, CancellationToken ct) =>
            s.Guard("textDocument/codeLens", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return s.Estimates == InlineEstimates.CodeLens ? CodeLenses.Get(analysis) : [];
            });

        [JsonRpcMethod("textDocument/definition")]
        public Task<IReadOnlyList<Location>> Definition(DefinitionParams p, CancellationToken ct) =>
            s.Guard("textDocument/definition", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return Capabilities.Definition.Get(analysis, p.Position);
            });

        [JsonRpcMethod("textDocument/documentSymbol")]
        public Task<IReadOnlyList<DocumentSymbol>> DocumentSymbol(DocumentSymbolParams p, CancellationToken ct) =>
            s.Guard("textDocument/documentSymbol", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return DocumentSymbols.Get(analysis);
            });

        [JsonRpcMethod("carbon/report")]
        public Task<ContentResult> Report(ReportParams p, CancellationToken ct) =>
            s.Guard("carbon/report", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return Custom.Report(analysis, p.Format ?? "markdown");
            });

        [JsonRpcMethod("carbon/generatedCSharp")]
        public Task<ContentResult> GeneratedCSharp(GeneratedCSharpParams p, CancellationToken ct) =>
            s.Guard("carbon/generatedCSharp", async () =>
            {
                var analysis = await s.AnalyseAsync(p.TextDocument, ct);
                return Custom.GeneratedCSharp(analysis);
            });
    }

    private async Task<DocumentAnalysis> AnalyseAsync(TextDocumentIdentifier? document, CancellationToken ct)
    {
        var doc = RequireDocument(document);
        var analysis = await workspace.GetAnalysisAsync(doc).WaitAsync(ct);
        ct.ThrowIfCancellationRequested();
        return analysis;
    }
}
