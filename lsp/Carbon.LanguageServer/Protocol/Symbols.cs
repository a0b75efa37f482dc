namespace Carbon.LanguageServer.Protocol;

public sealed record DefinitionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(
    string Name,
    string? Detail,
    int Kind,
    Range Range,
    Range SelectionRange,
    IReadOnlyList<DocumentSymbol> Children);

/// <summary>The symbol kinds the outline uses.</summary>
public static class SymbolKind
{
    public const int Module = 2;
    public const int Namespace = 3;
    public const int Class = 5;
    public const int Property = 7;
    public const int Function = 12;
    public const int Constant = 14;
    public const int Object = 19;
    public const int Event = 24;
}
