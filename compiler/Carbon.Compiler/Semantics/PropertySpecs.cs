using Carbon.Compiler.Syntax;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

/// <summary>What sort of value a property takes.</summary>
public enum PropertySort
{
    Quantity,
    Text,
    SiteReference,
    HardwareReference,
}

/// <summary>The range a quantity must lie in, checked after its dimension.</summary>
public enum RangeRule
{
    None,
    NonNegative,
    Positive,

    /// <summary>A PUE: at least 1.</summary>
    Pue,

    /// <summary>A share or utilisation: 0 % to 100 %.</summary>
    Share,

    /// <summary>A server overhead factor: at least 1.</summary>
    Overhead,
}

public sealed record PropertySpec(string Name, PropertySort Sort, Dimension Dimension, RangeRule Range,
    string Description);

/// <summary>The properties each block accepts; the language server completes from this table too.</summary>
public static class PropertySpecs
{
    private static readonly PropertySpec SiteRef = new("site", PropertySort.SiteReference, Dimension.None,
        RangeRule.None, "the site the runs ran at");
    private static readonly PropertySpec HardwareRef = new("hardware", PropertySort.HardwareReference, Dimension.None,
        RangeRule.None, "the accelerators used");

    public static IReadOnlyDictionary<BlockKind, IReadOnlyList<PropertySpec>> ByBlock { get; } =
        new Dictionary<BlockKind, IReadOnlyList<PropertySpec>>
    {
        [BlockKind.Site] =
        [
            Q("pue", Dimension.None, RangeRule.Pue, "power usage effectiveness: facility energy ÷ IT energy (≥ 1)"),
            Q("gpu_share_of_it", Dimension.None, RangeRule.Share,
            "the accelerators' share of IT power (overhead = 1 ÷ share)"),
            Q("server_overhead", Dimension.None, RangeRule.Overhead, "IT energy ÷ accelerator energy (≥ 1)"),
            Q("grid", Dimension.CarbonIntensity, RangeRule.NonNegative, "location-based grid carbon intensity"),
            Q("grid_market", Dimension.CarbonIntensity, RangeRule.NonNegative, "market-based grid carbon intensity"),
            Q("wue_it", Dimension.WaterIntensity, RangeRule.NonNegative, "on-site water consumed per kWh of IT energy"),
            Q("wue_facility", Dimension.WaterIntensity, RangeRule.NonNegative,
            "on-site water consumed per kWh of facility energy"),
            Q("withdrawal_it", Dimension.WithdrawalIntensity, RangeRule.NonNegative,
            "on-site water withdrawn per kWh of IT energy"),
            Q("withdrawal_facility", Dimension.WithdrawalIntensity, RangeRule.NonNegative,
            "on-site water withdrawn per kWh of facility energy"),
            Q("water_offsite", Dimension.WaterIntensity, RangeRule.NonNegative,
            "water consumed generating the electricity, per facility kWh"),
            T("location", "where the site is"),
        ],
        [BlockKind.Hardware] =
        [
            Q("tdp", Dimension.PowerPerAccelerator, RangeRule.Positive, "board power (TDP) per accelerator"),
            Q("gpus_per_node", Dimension.Accelerator / Dimension.Node, RangeRule.Positive,
            "accelerators in one node or server"),
            Q("embodied_per_gpu", Dimension.Carbon / Dimension.Accelerator, RangeRule.NonNegative,
            "manufacturing CO2e per accelerator"),
            Q("embodied_per_node", Dimension.Carbon / Dimension.Node, RangeRule.NonNegative,
            "manufacturing CO2e per node or server"),
            Q("water_per_gpu", Dimension.Water / Dimension.Accelerator, RangeRule.NonNegative,
            "manufacturing water per accelerator"),
            Q("lifetime", Dimension.Time, RangeRule.Positive, "the life the embodied figures are spread over"),
            Q("utilisation", Dimension.None, RangeRule.Share, "the share of its life the hardware is in use"),
            T("name", "the hardware's full name"),
        ],
        [BlockKind.Campaign] =
        [
            SiteRef,
            HardwareRef,
            Q("development_ratio", Dimension.None, RangeRule.NonNegative,
            "development ÷ final, for a campaign that knows only its final runs"),
            T("convention", "the accounting convention the campaign follows"),
            T("source", "where the figures come from"),
            T("description", "a description"),
        ],
        [BlockKind.Stage] =
        [
            SiteRef,
            HardwareRef,
            T("model", "the model or size this stage trains, e.g. \"32B\""),
            T("variant", "the variant, e.g. \"Think\" or \"Instruct\""),
            Q("development_ratio", Dimension.None, RangeRule.NonNegative, "development ÷ final for this stage"),
        ],
        [BlockKind.Run] =
        [
            SiteRef,
            HardwareRef,
            Q("gpu_time", Dimension.AcceleratorTime, RangeRule.NonNegative, "accelerator time, e.g. 1_000 GPU*h"),
            Q("gpus", Dimension.Accelerator, RangeRule.NonNegative, "accelerators used (with 'duration')"),
            Q("nodes", Dimension.Node, RangeRule.NonNegative, "nodes used (with 'duration')"),
            Q("duration", Dimension.Time, RangeRule.NonNegative, "wall-clock time (with 'gpus' or 'nodes')"),
            Q("power", Dimension.PowerPerAccelerator, RangeRule.NonNegative, "measured mean power per accelerator"),
            Q("utilisation", Dimension.None, RangeRule.Share, "mean power as a share of the hardware's TDP"),
            Q("accelerator_energy", Dimension.Energy, RangeRule.NonNegative,
            "accelerator energy, measured (overhead and PUE applied)"),
            Q("it_energy", Dimension.Energy, RangeRule.NonNegative, "IT energy, measured (PUE applied)"),
            Q("facility_energy", Dimension.Energy, RangeRule.NonNegative,
            "facility (data-centre) energy, measured: nothing applied"),
        ],
        [BlockKind.Embodied] =
        [
            HardwareRef,
            Q("gpu_time", Dimension.AcceleratorTime, RangeRule.NonNegative,
            "accelerator time the hardware's manufacture is charged on"),
            Q("gpus", Dimension.Accelerator, RangeRule.NonNegative, "accelerators (with 'duration')"),
            Q("nodes", Dimension.Node, RangeRule.NonNegative, "nodes (with 'duration')"),
            Q("duration", Dimension.Time, RangeRule.NonNegative, "time (with 'gpus' or 'nodes')"),
            Q("co2e", Dimension.Carbon, RangeRule.NonNegative, "embodied CO2e given directly"),
            Q("water", Dimension.Water, RangeRule.NonNegative, "embodied water given directly"),
        ],
    };

    public static PropertySpec? Find(BlockKind block, string name) =>
        ByBlock[block].FirstOrDefault(p => p.Name == name);

    public static string BlockName(BlockKind k) => k.ToString().ToLowerInvariant();

    private static PropertySpec Q(string name, Dimension d, RangeRule r, string description) =>
        new(name, PropertySort.Quantity, d, r, description);

    private static PropertySpec T(string name, string description) =>
        new(name, PropertySort.Text, Dimension.None, RangeRule.None, description);
}
