namespace Carbon.LanguageServer.Protocol;

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>One change: with a range it replaces that range; without, it is the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

public sealed record DidChangeTextDocumentParams(
    VersionedTextDocumentIdentifier TextDocument,
    IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

/// <summary>Text synchronisation kinds; this server asks for incremental changes.</summary>
public static class TextDocumentSyncKind
{
    public const int Incremental = 2;
}
