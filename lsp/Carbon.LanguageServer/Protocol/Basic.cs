using System.Text.Json.Serialization;

namespace Carbon.LanguageServer.Protocol;

// The structures shared by many requests (LSP 3.17, "Basic JSON Structures"). Only the fields this
// server reads or writes are declared; unknown fields a client sends are ignored on deserialization.

/// <summary>A zero-based line and a character offset counted in UTF-16 code units.</summary>
public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>Markdown or plain text shown by the client.</summary>
public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

public sealed record Command(
    string Title,
    [property: JsonPropertyName("command")] string CommandName,
    IReadOnlyList<object>? Arguments = null);

/// <summary>Error codes of JSON-RPC and of the LSP.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
}
