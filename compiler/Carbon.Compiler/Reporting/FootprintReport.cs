using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Reporting;

/// <summary>The report of a campaign file: one entry per campaign. Every writer formats this model.</summary>
public sealed record FootprintReport(IReadOnlyList<CampaignReport> Campaigns);

public sealed record CampaignReport(
    string Name,
    string File,
    string? Convention,
    string? Source,
    bool HasMarketBased,
    Figures Totals,
    IReadOnlyList<KindTotals> ByKind,
    IReadOnlyList<StageReport> Stages,
    IReadOnlyList<ModelReport> Models,
    IReadOnlyList<LineReport> Lines,
    Ratios Ratios,
    IReadOnlyList<ConstantUse> Constants,
    BoundCampaign Bound);

/// <summary>Totals of one run kind, e.g. <c>final</c> or <c>dataGeneration</c>.</summary>
public sealed record KindTotals(RunKind Kind, Figures Totals)
{
    public string JsonName => Kinds.JsonName(Kind);

    public string Label => Kinds.SourceName(Kind).Replace('_', ' ');
}

public sealed record StageReport(
    string Name,
    StageKind Kind,
    string? Model,
    string? Variant,
    int Line,
    Figures Totals,
    IReadOnlyList<KindTotals> ByKind);

public sealed record ModelReport(string Model, Figures Totals, IReadOnlyList<VariantReport> Variants);

public sealed record VariantReport(string Variant, Figures Totals, double PostTrainingFacilityKwh);

public sealed record LineReport(
    string Name,
    RunKind Kind,
    string? Stage,
    int Line,
    int Column,
    string? PowerBasis,
    Figures Figures);

/// <summary>The ratios studies now ask labs to disclose. Null where the campaign has nothing to divide by.</summary>
public sealed record Ratios(
    double? FinalShareOfGpuHours,
    double? FinalShareOfCo2e,
    double? DevelopmentMultiplier,
    string DevelopmentMultiplierBasis,
    double? PostTrainingShareOfEnergy,
    IReadOnlyList<VariantRatio> ReasoningOverInstruct);

/// <summary>Post-training facility energy of a reasoning variant ÷ that of an instruct variant of one model.</summary>
public sealed record VariantRatio(string Model, string Reasoning, string Instruct, double Ratio);

/// <summary>A constant a report used, with where it came from.</summary>
public sealed record ConstantUse(
    string Name,
    string Value,
    string Origin,
    string Source,
    string Year,
    Status? Status);
