using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

/// <summary>A checked expression. Literals are folded into canonical units; <see cref="Value"/> is its constant
/// value.</summary>
public abstract record BoundExpr(Value Value);

public sealed record BoundLiteral(double Number, Dimension Dimension) : BoundExpr(Value.Quantity(Number, Dimension));

public sealed record BoundText(string Text) : BoundExpr(Value.OfText(Text));

public sealed record BoundLetRef(LetSymbol Let, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundPropertyRef(EntitySymbol Owner, BoundProperty Property, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundConstantRef(Constant Constant, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundEntityRef(EntitySymbol Entity, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundNegate(BoundExpr Operand, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundBinary(BoundExpr Left, char Operator, BoundExpr Right, Value Resolved) : BoundExpr(Resolved);

public sealed record BoundError() : BoundExpr(Value.Error);

/// <summary>How a run's energy is known.</summary>
public enum EnergyMode
{
    /// <summary>Accelerator time × mean power per accelerator.</summary>
    Power = 0,

    /// <summary>Accelerator energy given; overhead and PUE applied.</summary>
    Accelerator = 1,

    /// <summary>IT energy given; PUE applied.</summary>
    It = 2,

    /// <summary>Facility energy given; nothing applied.</summary>
    Facility = 3,
}

public sealed class BoundCampaign(string name, BlockItem syntax, SourceText source)
{
    public string Name { get; } = name;

    public BlockItem Syntax { get; } = syntax;

    public SourceText Source { get; } = source;

    public List<BoundStage> Stages { get; } = [];

    /// <summary>Every line of the report in source order: runs, development estimates, embodied.</summary>
    public List<BoundLine> Lines { get; } = [];

    public List<BoundBudget> Budgets { get; } = [];

    public string? Convention { get; internal set; }

    public string? SourceNote { get; internal set; }

    /// <summary>True when some site gives a market-based intensity, so the report carries both bases.</summary>
    public bool HasMarketBased { get; internal set; }

    public HashSet<EntitySymbol> Entities { get; } = [];

    public HashSet<Constant> ConstantsUsed { get; } = [];
}

public sealed class BoundStage(string name, StageKind kind, BlockItem syntax)
{
    public string Name { get; } = name;

    public StageKind Kind { get; } = kind;

    public BlockItem Syntax { get; } = syntax;

    public string? Model { get; internal set; }

    public string? Variant { get; internal set; }
}

/// <summary>One line of the report.</summary>
public abstract class BoundLine(string name, RunKind kind, BoundStage? stage, TextSpan span)
{
    public string Name { get; } = name;

    public RunKind Kind { get; } = kind;

    public BoundStage? Stage { get; } = stage;

    /// <summary>The span of the declaration (or property) the line comes from.</summary>
    public TextSpan Span { get; } = span;

    /// <summary>A C# member name, unique in the campaign: only ASCII letters, digits and underscores.</summary>
    public string MemberName { get; internal set; } = "";
}

/// <summary>The site factors a run's energy goes through.</summary>
public sealed record ChainInputs(
    BoundExpr Overhead,
    BoundExpr Pue,
    BoundExpr Grid,
    BoundExpr GridMarket,
    BoundExpr WueIt,
    BoundExpr WueFacility,
    BoundExpr WithdrawalIt,
    BoundExpr WithdrawalFacility,
    BoundExpr WaterOffsite);

public sealed class BoundRun(string name, RunKind kind, BoundStage? stage, TextSpan span) : BoundLine(name, kind, stage,
    span)
{
    public required EntitySymbol Site { get; init; }

    public EntitySymbol? Hardware { get; init; }

    public required BoundExpr GpuHours { get; init; }

    public required EnergyMode Mode { get; init; }

    /// <summary>Mean power per accelerator (kW/GPU) when <see cref="Mode"/> is <see
    /// cref="EnergyMode.Power"/>.</summary>
    public required BoundExpr Power { get; init; }

    /// <summary>Where the power came from: "measured", "utilisation × TDP" or "TDP".</summary>
    public required string PowerBasis { get; init; }

    /// <summary>The energy given directly (kWh), for the other modes.</summary>
    public required BoundExpr Energy { get; init; }

    public required ChainInputs Chain { get; init; }
}

public sealed class BoundEmbodied(string name, BoundStage? stage, TextSpan span) : BoundLine(name, RunKind.Embodied,
    stage, span)
{
    public EntitySymbol? Hardware { get; init; }

    public required BoundExpr GpuHours { get; init; }

    /// <summary>Embodied CO2e per accelerator-hour (kg per GPU·h), or the CO2e given directly.</summary>
    public required BoundExpr Co2ePerGpuHour { get; init; }

    public required BoundExpr WaterPerGpuHour { get; init; }

    public BoundExpr? DirectCo2e { get; init; }

    public BoundExpr? DirectWater { get; init; }
}

/// <summary>A development line estimated as a ratio of the final lines it scales.</summary>
public sealed class BoundDevelopment(string name, BoundStage? stage, TextSpan span)
    : BoundLine(name, RunKind.Development, stage, span)
{
    public required BoundExpr Ratio { get; init; }

    public required IReadOnlyList<BoundLine> FinalLines { get; init; }
}

public enum BudgetMetric
{
    Co2e,
    Energy,
    Water,
    GpuTime,
}

public enum BudgetScope
{
    Campaign,
    Stage,
    Model,
}

public sealed record BoundBudget(
    BudgetLevel Level,
    BudgetScope Scope,
    string ScopeName,
    BudgetMetric Metric,
    bool IsChange,
    bool IsRelative,
    bool Strict,
    double Limit,
    BudgetItem Syntax,
    SourceText Source);
