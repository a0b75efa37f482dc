namespace Carbon.LanguageServer.Protocol;

// Requests outside the LSP that the VS Code extension sends.

/// <summary><c>carbon/report</c>: the report of a document in "markdown", "json" or "table" form.</summary>
public sealed record ReportParams(TextDocumentIdentifier TextDocument, string? Format);

/// <summary><c>carbon/generatedCSharp</c>: the C# program a document lowers to.</summary>
public sealed record GeneratedCSharpParams(TextDocumentIdentifier TextDocument);

public sealed record ContentResult(string Content);
