using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Diff;

/// <summary>What happened to a file, campaign, stage or run kind between the two revisions.</summary>
public enum ChangeStatus
{
    Unchanged,
    Changed,
    Added,
    Removed,
    Renamed,

    /// <summary>One side did not compile, so the figures of that side are missing.</summary>
    Incomplete,
}

/// <summary>
/// One metric before and after, in its display unit, rounded by <see cref="Rounding"/>. Null on the side where
/// the thing does not exist (or did not compile).
/// </summary>
public sealed record MetricChange(BudgetMetric Metric, double? Before, double? After)
{
    public double Change => Rounding.Subtract(Metric, After ?? 0, Before ?? 0);

    /// <summary>The change in percent of the base figure, or null when there is no base figure.</summary>
    public double? Percent => Before is { } b ? Rounding.Percent(Change, b) : null;

    public bool IsZero => Change == 0;
}

/// <summary>The four metrics, in the order of <see cref="Rounding.Metrics"/>.</summary>
public sealed record MetricSet(IReadOnlyList<MetricChange> Items)
{
    public bool IsZero => Items.All(i => i.IsZero);

    public MetricChange this[BudgetMetric m] => Items.First(i => i.Metric == m);
}

public sealed record StageDiff(string Name, string? OldName, string Kind, ChangeStatus Status, MetricSet Metrics);

public sealed record KindDiff(string Kind, string JsonName, ChangeStatus Status, MetricSet Metrics);

public sealed record CampaignDiff(
    string Name,
    ChangeStatus Status,
    MetricSet Totals,
    IReadOnlyList<StageDiff> Stages,
    IReadOnlyList<KindDiff> Kinds);

/// <summary>One file: its path at HEAD (or at the base when removed) and, for a rename, its old path.</summary>
public sealed record FileDiff(
    string Path,
    string? OldPath,
    ChangeStatus Status,
    bool BaseCompiled,
    bool HeadCompiled,
    IReadOnlyList<CampaignDiff> Campaigns);

/// <summary>A budget diagnostic, flattened for the diff's writers.</summary>
public sealed record BudgetNote(string Code, string Level, string File, int Line, int Column, string Message);

/// <summary>A revision as the user named it and the commit it resolved to (null for the working tree).</summary>
public sealed record Revision(string Name, string? Commit)
{
    public string Label => Commit is null ? "the " + Name : $"{Name} ({Commit[..Math.Min(7, Commit.Length)]})";
}

/// <summary>The whole diff between two revisions: what every writer formats.</summary>
public sealed record DiffDocument(
    Revision Base,
    Revision Head,
    IReadOnlyList<FileDiff> Files,
    MetricSet Totals,
    IReadOnlyList<BudgetNote> Budgets)
{
    public const string SchemaVersion = "1.0";

    /// <summary>The hidden marker of the Markdown comment, so a CI job can find and update its earlier
    /// comment.</summary>
    public const string Marker = "<!-- carbonc-diff -->";
}
