using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/codeLens</c>: the inline estimates as lenses above each campaign, stage, run and
/// embodied block, for editors (or users) that prefer them to inlay hints. A lens opens the report.
/// </summary>
public static class CodeLenses
{
    /// <summary>The VS Code extension's command that shows the report of the active document.</summary>
    public const string ShowReportCommand = "carbon.showReport";

    public static IReadOnlyList<CodeLens> Get(DocumentAnalysis analysis)
    {
        var text = analysis.Snapshot.Text;
        return [.. analysis.Estimates.Select(e =>
        {
            int line = Positions.LineOf(text, e.Block.Span.Start);
            var at = new Protocol.Range(new Position(line, 0), new Position(line, 0));
            return new CodeLens(at, new Command(EstimateText.Inline(e.Figures), ShowReportCommand));
        })];
    }
}
