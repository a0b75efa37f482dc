namespace Carbon.Compiler.Semantics;

/// <summary>What part of a campaign a stage is.</summary>
public enum StageKind
{
    Pretraining,
    Midtraining,
    LongContext,
    DataGeneration,
    Sft,
    Dpo,
    Rl,
    PostTraining,
    Evaluation,
    Other,
}

/// <summary>What a run (or a line of the report) is: the parts studies report separately.</summary>
public enum RunKind
{
    Final,
    Development,
    DataGeneration,
    Evaluation,
    Idle,

    /// <summary>Not a run kind a file can write: the embodied emissions and water of the hardware.</summary>
    Embodied,
}

public static class Kinds
{
    public static readonly IReadOnlyDictionary<string, StageKind> StageKinds =
        new Dictionary<string, StageKind>(StringComparer.Ordinal)
    {
        ["pretraining"] = StageKind.Pretraining,
        ["midtraining"] = StageKind.Midtraining,
        ["long_context"] = StageKind.LongContext,
        ["data_generation"] = StageKind.DataGeneration,
        ["sft"] = StageKind.Sft,
        ["dpo"] = StageKind.Dpo,
        ["rl"] = StageKind.Rl,
        ["post_training"] = StageKind.PostTraining,
        ["evaluation"] = StageKind.Evaluation,
        ["other"] = StageKind.Other,
    };

    public static readonly IReadOnlyDictionary<string, RunKind> RunKinds =
        new Dictionary<string, RunKind>(StringComparer.Ordinal)
    {
        ["final"] = RunKind.Final,
        ["development"] = RunKind.Development,
        ["data_generation"] = RunKind.DataGeneration,
        ["evaluation"] = RunKind.Evaluation,
        ["idle"] = RunKind.Idle,
    };

    public static bool IsPostTraining(StageKind k) =>
        k is StageKind.Sft or StageKind.Dpo or StageKind.Rl or StageKind.PostTraining;

    /// <summary>The name a file writes: <c>long_context</c>.</summary>
    public static string SourceName(StageKind k) => StageKinds.First(p => p.Value == k).Key;

    public static string SourceName(RunKind k) => k == RunKind.Embodied ? "embodied" : RunKinds.First(p => p.Value == k)
        .Key;

    /// <summary>The JSON name: <c>dataGeneration</c>.</summary>
    public static string JsonName(RunKind k) => CamelCase(SourceName(k));

    public static string JsonName(StageKind k) => CamelCase(SourceName(k));

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
