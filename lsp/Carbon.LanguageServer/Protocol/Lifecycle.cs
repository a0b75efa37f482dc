using System.Text.Json;

namespace Carbon.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>
/// The initialize request. Client capabilities and initialization options stay raw JSON: the server
/// reads the few flags it needs from them with <see cref="Json"/>.
/// </summary>
public sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    string? RootPath,
    JsonElement? Capabilities,
    JsonElement? InitializationOptions,
    IReadOnlyList<WorkspaceFolder>? WorkspaceFolders);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters, bool ResolveProvider);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record InlayHintOptions(bool ResolveProvider);

/// <summary>
/// What the server implements. Formatting is not offered: the compiler has no formatter that keeps comments.
/// </summary>
public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    CompletionOptions CompletionProvider,
    bool HoverProvider,
    bool DefinitionProvider,
    bool DocumentSymbolProvider,
    InlayHintOptions InlayHintProvider,
    CodeLensOptions CodeLensProvider);

public sealed record DidChangeConfigurationParams(JsonElement? Settings);

public sealed record LogMessageParams(int Type, string Message);

/// <summary>Message types of <c>window/logMessage</c>.</summary>
public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

/// <summary>Reads optional values from raw JSON without throwing on a shape the server did not expect.</summary>
public static class Json
{
    /// <summary>The element at a path of property names, or null if any step is missing.</summary>
    public static JsonElement? At(JsonElement? element, params string[] path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (string name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static bool Flag(JsonElement? element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.True };

    public static string? Text(JsonElement? element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
}
