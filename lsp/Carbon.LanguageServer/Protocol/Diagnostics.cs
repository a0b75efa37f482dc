namespace Carbon.LanguageServer.Protocol;

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic(
    Range Range,
    int Severity,
    string Code,
    string Source,
    string Message,
    IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation = null);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

public static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
}
