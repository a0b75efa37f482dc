namespace Carbon.LanguageServer.Protocol;

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(Range Range, string NewText);

public sealed record CompletionItem(
    string Label,
    int Kind,
    string? Detail,
    MarkupContent? Documentation,
    string SortText,
    TextEdit? TextEdit = null);

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

/// <summary>The completion item kinds this server uses.</summary>
public static class CompletionItemKind
{
    public const int Property = 10;
    public const int Unit = 11;
    public const int Value = 12;
    public const int Keyword = 14;
    public const int Reference = 18;
    public const int Variable = 6;
    public const int Module = 9;
    public const int Constant = 21;
    public const int EnumMember = 20;
}
