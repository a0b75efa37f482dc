using System.Globalization;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Units;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer.Capabilities;

/// <summary>
/// <c>textDocument/completion</c>. The cursor's context comes from <see cref="CompletionContext"/>
/// (text only, so it works while the file does not parse); what the last analysis knew, such as names
/// imported from other files and the values of lets, only adds detail.
/// </summary>
public static class Completion
{
    private static readonly CompletionList Empty = new(false, []);

    private static readonly (string Word, string Description)[] TopKeywords =
    [
        ("import", "import \"file.carbon\": the sites, hardware and lets of another file"),
        ("let", "let name = value: a named value, usable anywhere in the file"),
        ("site", "site name : catalogue_site { … }: where runs ran"),
        ("hardware", "hardware name : catalogue_entry { … }: the accelerators used"),
        ("campaign", "campaign \"Name\" { … }: a training campaign with its stages"),
    ];

    private static readonly Dictionary<BlockKind, (string Word, string Description)[]> NestedKeywords = new()
    {
        [BlockKind.Campaign] =
        [
            ("stage", "stage name : kind { … }: a part of the campaign, e.g. pretraining"),
            ("embodied", "embodied name { … }: the hardware's manufacturing emissions and water"),
            ("budget", "budget [error|warning] metric <= limit: a limit the campaign must keep"),
        ],
        [BlockKind.Stage] =
        [
            ("run", "run name [: kind] { … }: a run of the stage"),
            ("embodied", "embodied name { … }: the hardware's manufacturing emissions and water"),
            ("budget", "budget [error|warning] metric <= limit: a limit the stage must keep"),
        ],
    };

    private static readonly Dictionary<string, string> StageKindDescriptions = new(StringComparer.Ordinal)
    {
        ["pretraining"] = "pre-training on the main corpus",
        ["midtraining"] = "mid-training (annealing) on selected data",
        ["long_context"] = "context-length extension",
        ["data_generation"] = "generating synthetic data",
        ["sft"] = "supervised fine-tuning (post-training)",
        ["dpo"] = "preference optimisation (post-training)",
        ["rl"] = "reinforcement learning (post-training)",
        ["post_training"] = "post-training as a whole",
        ["evaluation"] = "evaluating models",
        ["other"] = "anything else, e.g. development work for the whole family",
    };

    private static readonly Dictionary<string, string> RunKindDescriptions = new(StringComparer.Ordinal)
    {
        ["final"] = "the run that produced the released model",
        ["development"] = "sweeps, ablations and failed runs",
        ["data_generation"] = "generating synthetic data",
        ["evaluation"] = "evaluation jobs",
        ["idle"] = "reserved hardware standing idle",
    };

    private static readonly (string Word, string Description)[] BudgetMetrics =
    [
        ("co2e", "CO2e, location-based, including embodied"),
        ("energy", "facility energy"),
        ("water", "water consumed"),
        ("gpu_time", "accelerator time"),
    ];

    private static readonly HashSet<Dimension> UnitDimensions = [.. UnitTable.All.Select(u => u.Dimension)];

    public static CompletionList Complete(DocumentSnapshot doc, DocumentAnalysis? lastAnalysis, Position position)
    {
        int cursor = Positions.ToOffset(doc.Text, position);
        var c = CompletionContext.Analyse(doc.Text.Text, cursor);
        if (c.Quiet)
        {
            return Empty;
        }

        var replace = Positions.ToRange(doc.Text, Compiler.Text.TextSpan.FromBounds(c.WordStart, c.Cursor));
        var items = new Items(replace);
        var last = c.Back(1);
        var before = c.Back(2);
        if (last is not { } t1)
        {
            Statement(c, items);
        }
        else if (c.Is(t1, "."))
        {
            if (before is { Kind: TokKind.Ident } target)
            {
                Members(c.TextOf(target), c, lastAnalysis, items);
            }
        }
        else if (c.Is(t1, ":"))
        {
            if (c.Back(3) is { Kind: TokKind.Ident } keyword)
            {
                Bases(c.TextOf(keyword), items);
            }
        }
        else if (UnitChain(c) is { } chain)
        {
            Units(chain, items);
            if (chain.AfterSpace)
            {
                Statement(c, items, "5");
            }
        }
        else if (c.Is(t1, "="))
        {
            string? property = before is { Kind: TokKind.Ident } p ? c.TextOf(p) : null;
            bool isLet = c.Back(3) is { } k && c.Is(k, "let");
            Values(c, isLet ? null : property, lastAnalysis, items);
        }
        else if (t1.Kind == TokKind.Punct && !c.Is(t1, ";") && !c.Is(t1, ")") && !c.Is(t1, "%"))
        {
            Values(c, null, lastAnalysis, items);
        }
        else if (Budget(c, items))
        {
            // Budget words were added.
        }
        else if (t1.Kind == TokKind.Ident && c.Is(t1, "run") && IsHeaderKeyword(c, 1))
        {
            foreach (var (kind, description) in RunKindDescriptions)
            {
                items.Add(kind, CompletionItemKind.EnumMember, "run kind", description, "0");
            }
        }
        else if (t1.Kind == TokKind.Ident && IsHeaderKeyword(c, 1)
            && c.TextOf(t1) is "site" or "hardware" or "stage" or "embodied" or "let")
        {
            // A new name is being typed: nothing to suggest.
        }
        else
        {
            Statement(c, items);
        }

        return new CompletionList(false, items.List);
    }

    private static bool IsHeaderKeyword(CompletionContext c, int back) =>
        c.Back(back + 1) is not { } previous || !(c.Is(previous, "=") || c.Is(previous, ".") || c.Is(previous, ":"));

    private static void Statement(CompletionContext c, Items items, string rank = "0")
    {
        if (c.TopLevel)
        {
            foreach (var (word, description) in TopKeywords)
            {
                items.Add(word, CompletionItemKind.Keyword, "keyword", description, rank);
            }

            return;
        }

        if (c.Block is not { } block)
        {
            return;
        }

        foreach (var spec in PropertySpecs.ByBlock[block])
        {
            items.Add(spec.Name, CompletionItemKind.Property, PropertyDetail(spec), spec.Description, rank);
        }

        if (NestedKeywords.TryGetValue(block, out var keywords))
        {
            foreach (var (word, description) in keywords)
            {
                items.Add(word, CompletionItemKind.Keyword, "keyword", description, rank);
            }
        }
    }

    private static string PropertyDetail(PropertySpec spec) => spec.Sort switch
    {
        PropertySort.Quantity => spec.Name + ": " + spec.Dimension.Describe(),
        PropertySort.Text => spec.Name + ": text",
        PropertySort.SiteReference => spec.Name + ": a site",
        _ => spec.Name + ": hardware",
    };

    private static void Bases(string keyword, Items items)
    {
        switch (keyword)
        {
            case "site":
                foreach (var e in StandardCatalogue.Sites)
                {
                    items.Add(e.Name, CompletionItemKind.Constant, "catalogue site", EntryDocs(e), "0");
                }

                break;
            case "hardware":
                foreach (var e in StandardCatalogue.Hardware)
                {
                    items.Add(e.Name, CompletionItemKind.Constant, "catalogue hardware", EntryDocs(e), "0");
                }

                break;
            case "stage":
                foreach (var (kind, description) in StageKindDescriptions)
                {
                    items.Add(kind, CompletionItemKind.EnumMember, "stage kind", description, "0");
                }

                break;
            case "run":
                foreach (var (kind, description) in RunKindDescriptions)
                {
                    items.Add(kind, CompletionItemKind.EnumMember, "run kind", description, "0");
                }

                break;
        }
    }

    internal static string EntryDocs(CatalogueEntry e) =>
        e.Description + "\n\n" + string.Join('\n', e.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"- `{p.Key}` = {p.Value.DisplayValue} ({p.Value.Source})"));

    private static void Members(string target, CompletionContext c, DocumentAnalysis? analysis, Items items)
    {
        if (StandardCatalogue.Namespaces.Contains(target))
        {
            foreach (string name in StandardCatalogue.ConstantNames(target))
            {
                if (StandardCatalogue.TryGetConstant(target, name, out var k))
                {
                    items.Add(name, CompletionItemKind.Constant, k.DisplayValue, ConstantDocs(k), "0");
                }
            }

            return;
        }

        var kind = EntityKind(target, c, analysis);
        if (kind is not { } block)
        {
            return;
        }

        var entity = analysis?.Compilation.Model.Symbols.OfType<EntitySymbol>().FirstOrDefault(e => e.Name == target);
        foreach (var spec in PropertySpecs.ByBlock[block])
        {
            string detail = entity?.Properties.TryGetValue(spec.Name, out var bound) == true
                && !bound.Expr.Value.IsError
                ? Hovers.DescribeValue(bound.Expr.Value)
                : PropertyDetail(spec);
            items.Add(spec.Name, CompletionItemKind.Property, detail, spec.Description, "0");
        }
    }

    internal static string ConstantDocs(Constant k) =>
        $"**{k.Key}** = {k.DisplayValue}\n\nSource: {k.Source}{(k.Year.Length > 0 ? ", " + k.Year : "")}" +
        $" ({k.Status.ToString().ToLowerInvariant()})";

    private static BlockKind? EntityKind(string name, CompletionContext c, DocumentAnalysis? analysis)
    {
        var declared = c.Declared.FirstOrDefault(d => d.Name == name && d.Keyword != "let");
        if (declared is not null)
        {
            return declared.Keyword == "site" ? BlockKind.Site : BlockKind.Hardware;
        }

        if (analysis?.Compilation.Model.Symbols.OfType<EntitySymbol>().FirstOrDefault(e => e.Name == name)
            is { } entity)
        {
            return entity.Kind;
        }

        return StandardCatalogue.TryGetSite(name, out _) ? BlockKind.Site
            : StandardCatalogue.TryGetHardware(name, out _) ? BlockKind.Hardware
            : null;
    }

    private static void Values(CompletionContext c, string? property, DocumentAnalysis? analysis, Items items)
    {
        var spec = property is not null && c.Block is { } block ? PropertySpecs.Find(block, property) : null;
        var names = Names(c, analysis);
        if (spec?.Sort is PropertySort.SiteReference or PropertySort.HardwareReference)
        {
            bool sites = spec.Sort == PropertySort.SiteReference;
            foreach (var n in names.Where(n => n.Keyword == (sites ? "site" : "hardware")))
            {
                items.Add(n.Name, CompletionItemKind.Reference, sites ? "site" : "hardware",
                    n.Base is null ? null : "based on " + n.Base, "0");
            }

            foreach (var e in sites ? StandardCatalogue.Sites : StandardCatalogue.Hardware)
            {
                items.Add(e.Name, CompletionItemKind.Constant, sites ? "catalogue site" : "catalogue hardware",
                    EntryDocs(e), "1");
            }

            return;
        }

        if (spec?.Sort == PropertySort.Text)
        {
            return;
        }

        var expected = spec?.Dimension;
        foreach (var n in names)
        {
            string detail = n.Keyword == "let" ? "let" + (n.Value is null ? "" : ": " + n.Value) : n.Keyword;
            bool fits = n.Dimension is { } d && d == expected;
            items.Add(n.Name, n.Keyword == "let" ? CompletionItemKind.Variable : CompletionItemKind.Reference, detail,
                null, fits ? "0" : "1");
        }

        foreach (string ns in StandardCatalogue.Namespaces)
        {
            var constants = StandardCatalogue.ConstantNames(ns)
                .Select(n => StandardCatalogue.TryGetConstant(ns, n, out var k) ? k : null).OfType<Constant>().ToList();
            bool fits = expected is { } d && constants.Any(k => k.Dimension == d);
            items.Add(
                ns,
                CompletionItemKind.Module,
                "catalogue: " + constants.Count.ToString(CultureInfo.InvariantCulture) + " sourced constants",
                "Type a dot for the constants, e.g. `" + ns + "." +
                    (constants.FirstOrDefault()?.Key.Split('.')[1] ?? "") + "`.",
                fits ? "0" : "2");
        }
    }

    private sealed record NameInfo(string Name, string Keyword, string? Base, string? Value, Dimension? Dimension);

    // The names in scope: declared in the text (also while it does not parse), plus imported ones
    // and the values the last analysis found.
    private static List<NameInfo> Names(CompletionContext c, DocumentAnalysis? analysis)
    {
        var symbols = analysis?.Compilation.Model.Symbols ?? [];
        var result = new List<NameInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in c.Declared)
        {
            if (seen.Add(d.Name))
            {
                var let = symbols.OfType<LetSymbol>().FirstOrDefault(s => s.Name == d.Name);
                result.Add(Info(d.Name, d.Keyword, d.Base, let));
            }
        }

        foreach (var s in symbols)
        {
            if (seen.Add(s.Name))
            {
                switch (s)
                {
                    case LetSymbol let:
                        result.Add(Info(s.Name, "let", null, let));
                        break;
                    case EntitySymbol e:
                        result.Add(new NameInfo(s.Name, e.KindName, e.Base?.Name, null, null));
                        break;
                }
            }
        }

        return result;
    }

    private static NameInfo Info(string name, string keyword, string? baseName, LetSymbol? let) =>
        let?.Bound?.Value is { IsError: false } v
            ? new NameInfo(name, keyword, baseName, Hovers.DescribeValue(v),
                v.Sort == ValueSort.Quantity ? v.Dimension : null)
            : new NameInfo(name, keyword, baseName, null, null);

    private static bool Budget(CompletionContext c, Items items)
    {
        int at = -1;
        for (int k = c.Tokens.Count - 1; k >= 0 && k >= c.Tokens.Count - 6; k--)
        {
            var t = c.Tokens[k];
            if (c.Is(t, "<") || c.Is(t, "<=") || c.Is(t, "="))
            {
                return false;
            }

            if (c.Is(t, "budget"))
            {
                at = k;
                break;
            }
        }

        if (at < 0)
        {
            return false;
        }

        var after = c.Tokens.Skip(at + 1).Select(c.TextOf).ToList();
        bool hasLevel = after.Contains("error") || after.Contains("warning");
        bool hasMetric = after.Any(w => BudgetMetrics.Any(m => m.Word == w));
        if (c.Back(1) is { } last && c.Is(last, "model"))
        {
            return true;
        }

        if (hasMetric)
        {
            if (!after.Contains("change"))
            {
                items.Add("change", CompletionItemKind.Keyword, "keyword",
                    "limit the change from the last recorded report", "0");
            }

            return true;
        }

        if (!hasLevel && after.Count == 0)
        {
            items.Add("error", CompletionItemKind.Keyword, "budget level", "exceeding the budget fails the build", "0");
            items.Add("warning", CompletionItemKind.Keyword, "budget level", "exceeding the budget only warns", "0");
        }

        if (!after.Contains("model"))
        {
            items.Add("model", CompletionItemKind.Keyword, "budget scope", "model \"32B\": limit one model's stages",
                "1");
        }

        foreach (var (word, description) in BudgetMetrics)
        {
            items.Add(word, CompletionItemKind.Keyword, "budget metric", description, "0");
        }

        return true;
    }

    private sealed record Chain(Dimension? Expected, Dimension? Written, char Operator, bool AfterSpace);

    // A unit is being typed: right after a number and a space ("649 |"), glued to a number ("649W|"),
    // or after '*', '/' inside a unit that follows a number ("649 W/|").
    private static Chain? UnitChain(CompletionContext c)
    {
        int k = c.Tokens.Count - 1;
        if (k < 0)
        {
            return null;
        }

        var last = c.Tokens[k];
        if (last.Kind == TokKind.Number)
        {
            bool glued = c.Adjacent(last);
            bool spaced = c.SpaceOnSameLine(last);
            return glued || spaced ? new Chain(ExpectedDimension(c, k), null, ' ', spaced) : null;
        }

        if (!(c.Is(last, "*") || c.Is(last, "/")) || !c.Adjacent(last))
        {
            return null;
        }

        // Walk back over glued unit factors to the number the unit belongs to.
        int end = last.Start;
        int j = k - 1;
        var factors = new List<Tok>();
        while (j >= 0 && c.Tokens[j].End == end)
        {
            var t = c.Tokens[j];
            if (t.Kind == TokKind.Number && j > 0 && c.Is(c.Tokens[j - 1], "^"))
            {
                factors.Insert(0, t);
                end = t.Start;
                j--;
                continue;
            }

            if (t.Kind == TokKind.Ident || c.Is(t, "%") || c.Is(t, "*") || c.Is(t, "/") || c.Is(t, "^"))
            {
                factors.Insert(0, t);
                end = t.Start;
                j--;
                continue;
            }

            break;
        }

        if (j < 0 || c.Tokens[j].Kind != TokKind.Number || factors.Count == 0
            || !(factors[0].Kind == TokKind.Ident || c.Is(factors[0], "%")))
        {
            return null;
        }

        return new Chain(ExpectedDimension(c, j), WrittenDimension(c, factors), c.Is(last, "/") ? '/' : '*', false);
    }

    private static Dimension? WrittenDimension(CompletionContext c, List<Tok> factors)
    {
        var d = Dimension.None;
        char op = '*';
        for (int i = 0; i < factors.Count; i++)
        {
            var t = factors[i];
            if (c.Is(t, "*") || c.Is(t, "/"))
            {
                op = c.TextOf(t)[0];
                continue;
            }

            if (c.Is(t, "^") || t.Kind == TokKind.Number)
            {
                continue;
            }

            if (!UnitTable.TryGet(c.TextOf(t), out var unit))
            {
                return null;
            }

            int power = i + 2 < factors.Count && c.Is(factors[i + 1], "^") && factors[i + 2].Kind == TokKind.Number
                && int.TryParse(c.TextOf(factors[i + 2]), NumberStyles.None, CultureInfo.InvariantCulture, out int p)
                ? p : 1;
            var ud = unit.Dimension.Pow(power);
            d = op == '/' ? d / ud : d * ud;
        }

        return d;
    }

    // The dimension the property being assigned expects, or a budget's metric, if either is known.
    private static Dimension? ExpectedDimension(CompletionContext c, int numberIndex)
    {
        for (int k = numberIndex - 1; k >= 1; k--)
        {
            var t = c.Tokens[k];
            if (c.Is(t, "<") || c.Is(t, "<="))
            {
                var words = c.Tokens.Take(k).Reverse().TakeWhile(x => !c.Is(x, "budget")).Select(c.TextOf).ToList();
                if (words.Contains("change"))
                {
                    return Dimension.None;
                }

                return words.FirstOrDefault(w => BudgetMetrics.Any(m => m.Word == w)) switch
                {
                    "co2e" => Dimension.Carbon,
                    "energy" => Dimension.Energy,
                    "water" => Dimension.Water,
                    "gpu_time" => Dimension.AcceleratorTime,
                    _ => null,
                };
            }

            if (c.Is(t, "=") && c.Tokens[k - 1].Kind == TokKind.Ident)
            {
                if (k >= 2 && c.Is(c.Tokens[k - 2], "let") || c.Block is not { } block)
                {
                    return null;
                }

                var spec = PropertySpecs.Find(block, c.TextOf(c.Tokens[k - 1]));
                return spec?.Sort == PropertySort.Quantity ? spec.Dimension : null;
            }
        }

        return null;
    }

    private static void Units(Chain chain, Items items)
    {
        foreach (var u in UnitTable.All)
        {
            bool fits = chain.Expected is { } e && Fits(u.Dimension, e, chain.Written, chain.Operator);
            string detail = u.Dimension.IsDimensionless ? "dimensionless" : u.Dimension.Describe();
            string docs = "1 " + u.Name + " = " + u.Factor.ToString("G6", CultureInfo.InvariantCulture) + " " +
                u.Dimension.ToUnitString();
            items.Add(u.Name, CompletionItemKind.Unit, detail, docs, fits ? "0" : "3");
        }
    }

    // A unit fits when it completes the expected dimension, or can start a unit that does with one more factor.
    private static bool Fits(Dimension unit, Dimension expected, Dimension? written, char op)
    {
        if (written is { } w)
        {
            var result = op == '/' ? w / unit : w * unit;
            return result == expected || UnitDimensions.Contains(expected / result)
                || UnitDimensions.Contains(result / expected);
        }

        return unit == expected || UnitDimensions.Contains(expected / unit) || UnitDimensions.Contains(unit / expected);
    }

    /// <summary>Collects items; the sort text puts the best group first and keeps the order within a group.</summary>
    private sealed class Items(Protocol.Range replace)
    {
        private readonly HashSet<string> labels = new(StringComparer.Ordinal);

        public List<CompletionItem> List { get; } = [];

        public void Add(string label, int kind, string? detail, string? documentation, string rank)
        {
            if (!labels.Add(label))
            {
                return;
            }

            string sort = rank + List.Count.ToString("D4", CultureInfo.InvariantCulture);
            List.Add(new CompletionItem(
                label,
                kind,
                detail,
                documentation is null ? null : MarkupContent.Markdown(documentation),
                sort,
                new TextEdit(replace, label)));
        }
    }
}
