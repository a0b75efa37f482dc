using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Diff;

/// <summary>
/// One file at both revisions, as the caller found it: a path on each side (null where the file does not exist),
/// and the report of each side (null where it does not exist or did not compile).
/// </summary>
public sealed record FilePair(string? BasePath, string? HeadPath, FootprintReport? Base, FootprintReport? Head)
{
    public bool BaseCompiled => BasePath is null || Base is not null;

    public bool HeadCompiled => HeadPath is null || Head is not null;
}

/// <summary>
/// Builds the diff model: campaigns matched by name within a file (a renamed file keeps its campaigns), stages by
/// name, run kinds by kind. A stage that disappears while another of the same kind and model appears with the
/// same figures is reported as renamed rather than as one removal and one addition.
/// </summary>
public static class DiffBuilder
{
    public static DiffDocument Build(Revision baseRev, Revision headRev, IEnumerable<FilePair> pairs,
        IReadOnlyList<BudgetNote> budgets)
    {
        var list = pairs.ToList();
        var files = list
            .Select(BuildFile)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new DiffDocument(baseRev, headRev, files, SumTotals(list), budgets);
    }

    private static FileDiff BuildFile(FilePair p)
    {
        var baseCampaigns = p.Base?.Campaigns ?? [];
        var headCampaigns = p.Head?.Campaigns ?? [];
        var campaigns = new List<CampaignDiff>();
        bool incomplete = !p.BaseCompiled || !p.HeadCompiled;
        foreach (var h in headCampaigns)
        {
            var b = baseCampaigns.FirstOrDefault(c => c.Name == h.Name);
            campaigns.Add(Campaign(h.Name, b, h, incomplete));
        }

        foreach (var b in baseCampaigns.Where(b => headCampaigns.All(h => h.Name != b.Name)))
        {
            campaigns.Add(Campaign(b.Name, b, null, incomplete));
        }

        ChangeStatus status;
        if (incomplete)
        {
            status = ChangeStatus.Incomplete;
        }
        else if (p.BasePath is null)
        {
            status = ChangeStatus.Added;
        }
        else if (p.HeadPath is null)
        {
            status = ChangeStatus.Removed;
        }
        else if (p.BasePath != p.HeadPath)
        {
            status = ChangeStatus.Renamed;
        }
        else
        {
            status = campaigns.All(c => c.Status == ChangeStatus.Unchanged) ? ChangeStatus.Unchanged
                : ChangeStatus.Changed;
        }

        string path = p.HeadPath ?? p.BasePath ?? "";
        string? old = p.BasePath is not null && p.HeadPath is not null && p.BasePath != p.HeadPath ? p.BasePath : null;
        return new FileDiff(path, old, status, p.BaseCompiled, p.HeadCompiled, campaigns);
    }

    private static CampaignDiff Campaign(string name, CampaignReport? b, CampaignReport? h, bool incomplete)
    {
        var totals = Metrics(b?.Totals, h?.Totals);
        var stages = Stages(b, h);
        var kinds = RunKinds(b, h);
        if (incomplete)
        {
            // With one side missing, "added" or "removed" would be a guess; say what is known.
            stages = [.. stages.Select(s => s with { Status = ChangeStatus.Incomplete })];
            kinds = [.. kinds.Select(k => k with { Status = ChangeStatus.Incomplete })];
        }

        ChangeStatus status;
        if (incomplete)
        {
            status = ChangeStatus.Incomplete;
        }
        else if (b is null)
        {
            status = ChangeStatus.Added;
        }
        else if (h is null)
        {
            status = ChangeStatus.Removed;
        }
        else
        {
            bool same = totals.IsZero && stages.All(s => s.Status == ChangeStatus.Unchanged)
                && kinds.All(k => k.Status == ChangeStatus.Unchanged);
            status = same ? ChangeStatus.Unchanged : ChangeStatus.Changed;
        }

        return new CampaignDiff(name, status, totals, stages, kinds);
    }

    private static List<StageDiff> Stages(CampaignReport? b, CampaignReport? h)
    {
        var before = b?.Stages ?? [];
        var after = h?.Stages ?? [];
        var result = new List<StageDiff>();
        var removed = before.Where(s => after.All(a => a.Name != s.Name)).ToList();
        var renamedFrom = new Dictionary<string, StageReport>(StringComparer.Ordinal);
        foreach (var a in after.Where(a => before.All(s => s.Name != a.Name)))
        {
            var match = removed.FirstOrDefault(r => r.Kind == a.Kind && r.Model == a.Model && r.Variant == a.Variant
                && Metrics(r.Totals, a.Totals).IsZero);
            if (match is not null)
            {
                removed.Remove(match);
                renamedFrom[a.Name] = match;
            }
        }

        foreach (var a in after)
        {
            string kind = Kinds.SourceName(a.Kind);
            if (renamedFrom.TryGetValue(a.Name, out var old))
            {
                result.Add(new StageDiff(a.Name, old.Name, kind, ChangeStatus.Renamed, Metrics(old.Totals, a.Totals)));
                continue;
            }

            var s = before.FirstOrDefault(x => x.Name == a.Name);
            var m = Metrics(s?.Totals, a.Totals);
            var status = s is null ? ChangeStatus.Added : m.IsZero && s.Kind == a.Kind ? ChangeStatus.Unchanged
                : ChangeStatus.Changed;
            result.Add(new StageDiff(a.Name, null, kind, b is null ? ChangeStatus.Added : status, m));
        }

        foreach (var r in removed)
        {
            result.Add(new StageDiff(r.Name, null, Kinds.SourceName(r.Kind), ChangeStatus.Removed,
                Metrics(r.Totals, null)));
        }

        return result;
    }

    private static List<KindDiff> RunKinds(CampaignReport? b, CampaignReport? h)
    {
        var kinds = (b?.ByKind ?? []).Select(k => k.Kind).Union((h?.ByKind ?? []).Select(k => k.Kind)).Order().ToList();
        return [.. kinds.Select(kind =>
        {
            var before = b?.ByKind.FirstOrDefault(k => k.Kind == kind);
            var after = h?.ByKind.FirstOrDefault(k => k.Kind == kind);
            var m = Metrics(before?.Totals, after?.Totals);
            var status = before is null ? ChangeStatus.Added
                : after is null ? ChangeStatus.Removed
                : m.IsZero ? ChangeStatus.Unchanged : ChangeStatus.Changed;
            var any = (after ?? before)!;
            return new KindDiff(any.Label, any.JsonName, status, m);
        })];
    }

    private static MetricSet Metrics(Figures? before, Figures? after) =>
        new([.. Rounding.Metrics.Select(m => new MetricChange(
            m,
            before is { } b ? Rounding.Round(b, m) : null,
            after is { } a ? Rounding.Round(a, m) : null))]);

    /// <summary>
    /// All files together: the unrounded campaign totals of each side summed, then rounded once, so the total is
    /// as exact as any other figure. A side that did not compile contributes nothing.
    /// </summary>
    private static MetricSet SumTotals(IReadOnlyList<FilePair> pairs)
    {
        var before = Figures.Sum(pairs.SelectMany(p => p.Base?.Campaigns ?? []).Select(c => c.Totals));
        var after = Figures.Sum(pairs.SelectMany(p => p.Head?.Campaigns ?? []).Select(c => c.Totals));
        return Metrics(before, after);
    }
}
