using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/inlayHint</c>: an estimate such as <c>≈ 646.5 tCO2e · 2.51 ML</c> at the end of
/// the line that opens each campaign, stage, run and embodied block. None while the file has errors:
/// figures from an older version would sit on the wrong lines.
/// </summary>
public static class InlayHints
{
    public static IReadOnlyList<InlayHint> Get(DocumentAnalysis analysis, Protocol.Range range)
    {
        var text = analysis.Snapshot.Text;
        int first = Math.Max(range.Start.Line, 0);
        int last = range.End.Line;
        var hints = new List<InlayHint>();
        foreach (var estimate in analysis.Estimates)
        {
            int line = Positions.LineOf(text, estimate.Block.Span.Start);
            if (line < first || line > last)
            {
                continue;
            }

            hints.Add(new InlayHint(
                Positions.EndOfLine(text, line),
                EstimateText.Inline(estimate.Figures),
                MarkupContent.Markdown(Title(estimate) + "\n\n" + EstimateText.Details(estimate.Figures)),
                PaddingLeft: true));
        }

        return hints;
    }

    /// <summary>"stage `pretrain_7b`", used by tooltips and lenses.</summary>
    public static string Title(Estimate e) => e.Owner switch
    {
        EstimateOwner.Campaign => "campaign \"" + e.Block.Name.Text + "\"",
        EstimateOwner.Stage => "stage `" + e.Block.Name.Text + "`",
        EstimateOwner.Run => "run `" + e.Block.Name.Text + "`",
        _ => "embodied `" + e.Block.Name.Text + "`",
    };
}
