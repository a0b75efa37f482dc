namespace Carbon.LanguageServer.Protocol;

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

/// <summary>An inlay hint; its kind is left out because an estimate is neither a type nor a parameter.</summary>
public sealed record InlayHint(Position Position, string Label, MarkupContent? Tooltip, bool PaddingLeft);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command);
