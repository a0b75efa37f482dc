using Carbon.Compiler;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Text;

namespace Carbon.Cli;

/// <summary>
/// Budgets given with <c>--budget</c>. Each is the text of a <c>budget</c> declaration without the keyword, e.g.
/// <c>co2e &lt;= 4_000 tCO2e</c> or <c>warning model "32B" energy change &lt;= +10 %</c>. It is compiled as a
/// declaration of an otherwise empty campaign, so the parser, the unit table and the dimension checks of the
/// language itself decide whether it is valid, and a mistake gets the same message as in a file.
/// </summary>
internal static class BudgetOptions
{
    public static IReadOnlyList<BoundBudget>? Parse(IEnumerable<string> specs, DiagnosticSink sink)
    {
        var budgets = new List<BoundBudget>();
        bool ok = true;
        foreach (string spec in specs)
        {
            var budget = ParseOne(spec, out string? why);
            if (budget is null)
            {
                sink.Error(DiagnosticCatalog.BadBudgetOption, spec, why ?? "");
                ok = false;
                continue;
            }

            budgets.Add(budget);
        }

        return ok ? budgets : null;
    }

    private static BoundBudget? ParseOne(string spec, out string? why)
    {
        string body = spec.Trim();
        if (body.StartsWith("budget ", StringComparison.Ordinal))
        {
            body = body["budget ".Length..].TrimStart();
        }

        // One declaration only: braces, semicolons or line breaks could smuggle in more than a budget.
        if (body.Length == 0 || body.IndexOfAny(['{', '}', '\n', '\r', ';']) >= 0)
        {
            why = "it must be a single budget declaration.";
            return null;
        }

        var source = new SourceText("--budget", "campaign \"--budget\" {\n  budget " + body + "\n}\n");
        var compilation = CarbonCompilation.Create(source);

        // The campaign has no stages, so a model scope cannot be checked here; it is checked per campaign.
        var errors = compilation.Diagnostics.Where(d => d.Code != DiagnosticCatalog.BudgetModelUnknown.Code).ToList();
        var campaign = compilation.Model.Campaigns.FirstOrDefault();
        if (errors.Count > 0 || campaign is null || campaign.Budgets.Count != 1)
        {
            why = errors.Count > 0 ? errors[0].Message : "it is not a budget declaration.";
            return null;
        }

        why = null;
        return campaign.Budgets[0];
    }
}
