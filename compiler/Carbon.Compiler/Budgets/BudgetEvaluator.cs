using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Diff;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Budgets;

public enum BudgetStatus
{
    Within,
    Over,

    /// <summary>A change budget without a base to compare with, or a scope without figures.</summary>
    NotChecked,
}

/// <summary>
/// What one budget gave for one campaign. Figures are in the metric's display unit (see <see cref="Rounding"/>):
/// <see cref="Measured"/> is what was compared with the limit (the figure, its change, or the change in percent).
/// </summary>
public sealed record BudgetOutcome(
    BoundBudget Budget,
    string Campaign,
    string Subject,
    double? Figure,
    double? BaseFigure,
    double? Measured,
    bool FromCommandLine,
    BudgetStatus Status);

public sealed record BudgetEvaluation(IReadOnlyList<BudgetOutcome> Outcomes, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when an error-level budget is crossed: the build fails (exit code 1).</summary>
    public bool OverErrorBudget => Outcomes.Any(o => o.Status == BudgetStatus.Over && o.Budget.Level
        == BudgetLevel.Error);

    /// <summary>True when a budget names something the campaign does not contain: an error in the input (exit code
    /// 2).</summary>
    public bool HasInvalidBudget => Diagnostics.Any(d => d.Code == DiagnosticCatalog.BudgetScopeMissing.Code);
}

/// <summary>
/// Checks the budgets of the campaigns of a report, and their change budgets against a base report when one is
/// given. A crossed budget is a diagnostic at the budget's declaration, naming the figure and the limit.
/// </summary>
public static class BudgetEvaluator
{
    /// <param name="head">The report whose budgets are checked.</param>
    /// <param name="baseReport">The same file at the base revision; without it change budgets are not checked.</param>
    /// <param name="baseLabel">How messages name the base, e.g. "main (3f2a91c)".</param>
    /// <param name="defaults">
    /// Budgets given on the command line. They apply to each campaign that declares no budget of its own and are
    /// reported at the campaign's name.
    /// </param>
    public static BudgetEvaluation Evaluate(
        FootprintReport head,
        FootprintReport? baseReport = null,
        string baseLabel = "the base revision",
        IReadOnlyList<BoundBudget>? defaults = null)
    {
        var bag = new DiagnosticBag();
        var outcomes = new List<BudgetOutcome>();
        foreach (var campaign in head.Campaigns)
        {
            var before = baseReport?.Campaigns.FirstOrDefault(c => c.Name == campaign.Name);
            bool own = campaign.Bound.Budgets.Count > 0;
            var budgets = own ? campaign.Bound.Budgets : (IReadOnlyList<BoundBudget>)(defaults ?? []);
            foreach (var budget in budgets)
            {
                var location = own
                    ? (budget.Source, Span: Tight(budget.Source, budget.Syntax.Span))
                    : (campaign.Bound.Source, campaign.Bound.Syntax.Name.Span);
                var context = new Context(bag, location.Source, location.Span, !own, baseReport is not null, baseLabel);
                outcomes.Add(EvaluateOne(budget, campaign, before, context));
            }
        }

        return new BudgetEvaluation(outcomes, bag.Items);
    }

    private sealed record Context(
        DiagnosticBag Bag, SourceText Source, TextSpan Span, bool FromCommandLine, bool HasBase, string BaseLabel);

    private static BudgetOutcome EvaluateOne(BoundBudget b, CampaignReport campaign, CampaignReport? before, Context x)
    {
        string subject = Subject(b, campaign.Name);
        var figures = Scope(b, campaign);
        if (figures is null)
        {
            x.Bag.Report(DiagnosticCatalog.BudgetScopeMissing, x.Source, x.Span, subject);
            return new BudgetOutcome(b, campaign.Name, subject, null, null, null, x.FromCommandLine,
                BudgetStatus.NotChecked);
        }

        double figure = Rounding.Round(figures.Value, b.Metric);
        string limit = Rounding.ShowLimit(b.Metric, b.Limit, b.IsRelative, b.IsChange)
            + (x.FromCommandLine ? " (--budget)" : "");
        if (!b.IsChange)
        {
            bool over = Crosses(figure, Rounding.Limit(b.Metric, b.Limit), b.Strict);
            if (over)
            {
                var d = b.Level == BudgetLevel.Error ? DiagnosticCatalog.BudgetExceeded
                    : DiagnosticCatalog.BudgetWarning;
                x.Bag.Report(d, x.Source, x.Span, subject, Rounding.Show(b.Metric, figure), limit);
            }

            return new BudgetOutcome(b, campaign.Name, subject, figure, null, figure, x.FromCommandLine, Status(over));
        }

        if (!x.HasBase)
        {
            return new BudgetOutcome(b, campaign.Name, subject, figure, null, null, x.FromCommandLine,
                BudgetStatus.NotChecked);
        }

        // A campaign, stage or model that is new since the base counts from zero.
        var baseFigures = before is null ? null : Scope(b, before);
        double baseFigure = baseFigures is null ? 0 : Rounding.Round(baseFigures.Value, b.Metric);
        double change = Rounding.Subtract(b.Metric, figure, baseFigure);
        double? percent = Rounding.Percent(change, baseFigure);
        double measured;
        if (b.IsRelative)
        {
            if (percent is null)
            {
                x.Bag.Report(DiagnosticCatalog.RelativeBudgetNoBase, x.Source, x.Span, subject, x.BaseLabel);
                return new BudgetOutcome(b, campaign.Name, subject, figure, baseFigure, null, x.FromCommandLine,
                    BudgetStatus.NotChecked);
            }

            measured = percent.Value;
        }
        else
        {
            measured = change;
        }

        double bound = b.IsRelative ? Math.Round(b.Limit * 100, 9) : Rounding.Limit(b.Metric, b.Limit);
        bool crossed = Crosses(measured, bound, b.Strict);
        if (crossed)
        {
            string by = Rounding.ShowSigned(b.Metric, change) + (percent is { } p ? $" ({Rounding.ShowPercent(p)})"
                : "");
            var d = b.Level == BudgetLevel.Error ? DiagnosticCatalog.ChangeBudgetExceeded
                : DiagnosticCatalog.ChangeBudgetWarning;
            x.Bag.Report(d, x.Source, x.Span, subject, by, x.BaseLabel, limit);
        }

        return new BudgetOutcome(b, campaign.Name, subject, figure, baseFigure, measured, x.FromCommandLine,
            Status(crossed));
    }

    /// <summary>
    /// The span without the whitespace and comments that follow the limit: a limit's span runs on to the next
    /// token, and an annotation should end where the budget ends on its line.
    /// </summary>
    private static TextSpan Tight(SourceText source, TextSpan span)
    {
        string text = source.Text;
        int end = span.Start;
        bool inString = false;
        for (int i = span.Start; i < span.End && i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                inString = c != '"' || text[i - 1] == '\\';
                end = i + 1;
            }
            else if (c == '/' && i + 1 < span.End && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is int nl and >= 0 ? nl : span.End;
            }
            else if (c == '/' && i + 1 < span.End && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? span.End : close + 1;
            }
            else if (!char.IsWhiteSpace(c))
            {
                inString = c == '"';
                end = i + 1;
            }
        }

        return end > span.Start ? new TextSpan(span.Start, end - span.Start) : span;
    }

    private static BudgetStatus Status(bool over) => over ? BudgetStatus.Over : BudgetStatus.Within;

    private static bool Crosses(double value, double limit, bool strict) => strict ? value >= limit : value > limit;

    private static Figures? Scope(BoundBudget b, CampaignReport c) => b.Scope switch
    {
        BudgetScope.Campaign => c.Totals,
        BudgetScope.Stage => c.Stages.FirstOrDefault(s => s.Name == b.ScopeName)?.Totals,
        _ => c.Models.FirstOrDefault(m => m.Model == b.ScopeName)?.Totals,
    };

    private static string Subject(BoundBudget b, string campaign)
    {
        string what = "The " + Rounding.Noun(b.Metric);
        return b.Scope switch
        {
            BudgetScope.Campaign => $"{what} of campaign \"{campaign}\"",
            BudgetScope.Stage => $"{what} of stage {b.ScopeName} of campaign \"{campaign}\"",
            _ => $"{what} of model \"{b.ScopeName}\" in campaign \"{campaign}\"",
        };
    }
}
