using System.Collections.Frozen;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Catalogue;

/// <summary>How sure a constant is, as in <c>shared/domain/constants.md</c>.</summary>
public enum Status
{
    /// <summary>Read in the primary source.</summary>
    Primary,

    /// <summary>From a secondary source quoting it.</summary>
    Secondary,

    /// <summary>Derived by arithmetic from other figures.</summary>
    Derived,

    /// <summary>Plausible but unconfirmed.</summary>
    Unconfirmed,
}

/// <summary>One sourced constant: value in canonical units, the unit it is shown in, and where it came from.</summary>
public sealed record Constant(
    string Key,
    double Value,
    Dimension Dimension,
    string DisplayValue,
    string Source,
    string Year,
    Status Status);

/// <summary>A catalogue entry made of several properties: an accelerator or a site.</summary>
public sealed record CatalogueEntry(string Name, string Description, IReadOnlyDictionary<string, Constant> Properties);

/// <summary>
/// The standard catalogue of accelerators, sites, grid intensities, water factors and embodied
/// figures, each with its source and year. Campaign files refer to entries by name and override
/// any value they state themselves.
/// </summary>
public static class StandardCatalogue
{
    private const string Llama1 = "Touvron et al. 2023, LLaMA, Table 15";
    private const string MetaCards = "Meta model cards (Llama 2, Llama 3)";
    private const string Olmo2 = "OLMo 2 report (arXiv:2501.00656), Table 19";
    private const string Ai2Footprint = "AI2 2025/2026 footprint method (OLMo 2; Morrison et al. 2026)";
    private const string Wri = "WRI, Reig et al. 2020";
    private const string Owid = "Our World in Data / Ember 2023, via CodeCarbon data";
    private const string GoogleRegions = "Google cloud region data, via CodeCarbon data";

    private static readonly FrozenDictionary<string, Constant> ConstantsByKey = BuildConstants();

    private static readonly FrozenDictionary<string, CatalogueEntry> HardwareEntries = BuildHardware();

    private static readonly FrozenDictionary<string, CatalogueEntry> SiteEntries = BuildSites();

    /// <summary>The namespaces of single constants: <c>grid.texas</c>, <c>pue.google_fleet</c>, ….</summary>
    public static IReadOnlyList<string> Namespaces { get; } = ["grid", "water", "wue", "withdrawal", "pue", "embodied"];

    public static IEnumerable<Constant> Constants => ConstantsByKey.Values.OrderBy(c => c.Key, StringComparer.Ordinal);

    public static IEnumerable<CatalogueEntry> Hardware => HardwareEntries.Values.OrderBy(e => e.Name,
        StringComparer.Ordinal);

    public static IEnumerable<CatalogueEntry> Sites => SiteEntries.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    public static bool TryGetConstant(string ns, string name, out Constant constant) =>
        ConstantsByKey.TryGetValue(ns + "." + name, out constant!);

    public static bool TryGetHardware(string name, out CatalogueEntry entry) => HardwareEntries.TryGetValue(name,
        out entry!);

    public static bool TryGetSite(string name, out CatalogueEntry entry) => SiteEntries.TryGetValue(name, out entry!);

    public static IEnumerable<string> ConstantNames(string ns) =>
        ConstantsByKey.Keys.Where(k => k.StartsWith(ns + ".", StringComparison.Ordinal))
            .Select(k => k[(ns.Length + 1)..]).Order(StringComparer.Ordinal);

    /// <summary>The defaults used when a site states nothing; each use is reported as a fallback.</summary>
    public static Constant DefaultPue => ConstantsByKey["pue.industry_average"];

    public static Constant DefaultGrid => ConstantsByKey["grid.world"];

    public static Constant DefaultWaterOffsite => ConstantsByKey["water.world"];

    public static Constant NoOverhead { get; } = new(
        "default.server_overhead", 1, Dimension.None, "1 (none)",
        "convention of studies before 2026: GPU energy × PUE", "", Status.Primary);

    public static Constant NoOnsiteWater { get; } = new(
        "default.wue", 0, Dimension.WaterIntensity, "0 L/kWh (not stated)", "no on-site water stated", "",
        Status.Primary);

    private static FrozenDictionary<string, Constant> BuildConstants()
    {
        var d = new Dictionary<string, Constant>(StringComparer.Ordinal);
        void Add(string key, double v, Dimension dim, string unit, string src, string year, Status st) =>
            d[key] = new Constant(key, v, dim, Show(v, unit), src, year, st);
        var ci = Dimension.CarbonIntensity;
        var wi = Dimension.WaterIntensity;

        Add("grid.austin_energy", 0.332, ci, "kgCO2e/kWh", Olmo2 + " (Austin Energy)", "2024", Status.Primary);
        Add("grid.iowa", 0.351, ci, "kgCO2e/kWh", Olmo2 + " (0.352 in its text)", "2023", Status.Primary);
        Add("grid.australia", 0.610, ci, "kgCO2e/kWh", "OLMo 1 report, via " + Olmo2, "2022", Status.Primary);
        Add("grid.us_meta", 0.385, ci, "kgCO2e/kWh", Llama1 + "; Llama 2 factor", "2022", Status.Primary);
        Add("grid.us_gpt3", 0.429, ci, "kgCO2e/kWh", "Patterson et al. 2021 (GPT-3)", "2020", Status.Secondary);
        Add("grid.world", 0.475, ci, "kgCO2e/kWh", "IEA 2019 world average, via CodeCarbon data", "2019",
            Status.Primary);
        Add("grid.france_bloom", 0.057, ci, "kgCO2e/kWh", "Luccioni et al. 2022 (BLOOM)", "2022", Status.Primary);
        foreach (var (n, v) in new[]
        {
            ("us", 0.369), ("france", 0.056), ("germany", 0.381), ("china", 0.582), ("canada", 0.170), ("uk", 0.238),
            ("norway", 0.030), ("sweden", 0.041), ("japan", 0.485), ("india", 0.713),
        })
        {
            Add("grid." + n, v, ci, "kgCO2e/kWh", Owid, "2023", Status.Primary);
        }

        foreach (var (n, v) in new[]
        {
            ("gcp_iowa", 0.430), ("gcp_n_virginia", 0.322), ("gcp_dallas", 0.321), ("gcp_oregon", 0.094),
                ("gcp_montreal", 0.002),
        })
        {
            Add("grid." + n, v, ci, "kgCO2e/kWh", GoogleRegions, "year unstated", Status.Primary);
        }

        Add("water.texas", 1.29, wi, "L/kWh", Olmo2 + ", citing " + Wri, "2020", Status.Primary);
        Add("water.iowa", 3.10, wi, "L/kWh", Olmo2 + ", citing " + Wri, "2020", Status.Primary);
        Add("water.australia", 4.26, wi, "L/kWh", Olmo2, "2020", Status.Primary);
        Add("water.us", 3.14, wi, "L/kWh", Wri + "; Li et al. 2023", "2020", Status.Secondary);
        Add("water.world", 4.81, wi, "L/kWh", Wri, "2020", Status.Secondary);
        foreach (var (n, v) in new[] { ("germany", 1.93), ("ireland", 1.48), ("japan", 2.31), ("india", 3.44),
            ("china", 6.02) })
        {
            Add("water." + n, v, wi, "L/kWh", Wri, "2020", Status.Secondary);
        }

        Add("water.washington", 9.5, wi, "L/kWh", "WRI 2020 (hydro evaporation)", "2020", Status.Secondary);

        Add("wue.closed_loop", 0, wi, "L/kWh", "AI2 clusters, closed-loop cooling (" + Olmo2 + ")", "2024",
            Status.Primary);
        Add("wue.us_average", 0.55, wi, "L/kWh", "Li et al. 2023", "2023", Status.Secondary);
        Add("wue.google", 1.15, wi, "L/kWh", "Google environmental report, via Li et al. 2023", "2023",
            Status.Secondary);
        Add("wue.lbnl_2023", 0.36, wi, "L/kWh", "LBNL 2024 report, US data centres in 2023 (0.36–0.375)", "2023",
            Status.Secondary);
        var wd = Dimension.WithdrawalIntensity;
        Add("withdrawal.microsoft", 0.30, wd, "L_wd/kWh", "Microsoft sustainability report", "2023", Status.Secondary);
        Add("withdrawal.aws", 0.12, wd, "L_wd/kWh", "AWS sustainability report", "2023", Status.Secondary);
        Add("withdrawal.meta", 0.19, wd, "L_wd/kWh", "Meta sustainability report", "2023", Status.Secondary);

        var none = Dimension.None;
        Add("pue.industry_average", 1.58, none, "", "Uptime Institute survey (1.55 in 2022)", "2023", Status.Secondary);
        Add("pue.google_fleet", 1.10, none, "", "Google environmental report", "2024", Status.Secondary);
        Add("pue.meta", 1.08, none, "", "Meta sustainability report", "2023", Status.Secondary);
        Add("pue.aws", 1.15, none, "", "AWS (1.14–1.15; sources disagree)", "2024", Status.Secondary);
        Add("pue.ai2_jupiter", 1.2, none, "", Olmo2, "2024", Status.Primary);
        Add("pue.google_council_bluffs", 1.12, none, "", Olmo2, "2024", Status.Primary);
        Add("pue.jean_zay", 1.2, none, "", "Luccioni et al. 2022 (BLOOM)", "2022", Status.Primary);

        var cPerNode = Dimension.Carbon / Dimension.Node;
        var cPerGpu = Dimension.Carbon / Dimension.Accelerator;
        var wPerGpu = Dimension.Water / Dimension.Accelerator;
        Add("embodied.node_8gpu_ai2", 3700, cPerNode, "kgCO2e/node", Ai2Footprint + ", citing BLOOM", "2025",
            Status.Secondary);
        Add("embodied.server_bloom", 2500, cPerNode, "kgCO2e/node", "Luccioni et al. 2022 (BLOOM), server without GPUs",
            "2022", Status.Unconfirmed);
        Add("embodied.a100_bloom", 150, cPerGpu, "kgCO2e/GPU", "Luccioni et al. 2022 (BLOOM)", "2022",
            Status.Unconfirmed);
        Add("embodied.a100_chien", 318, cPerGpu, "kgCO2e/GPU", "Chien et al. 2023 (A100 with share of host)", "2023",
            Status.Secondary);
        Add("embodied.h100_water", 102.6, wPerGpu, "L/GPU", Ai2Footprint + ": 100.4 L fab + 2.2 L mining", "2025",
            Status.Secondary);
        Add("embodied.a100_fab_water", 411.9, wPerGpu, "L/GPU", "TSMC 2022, via Scope3", "2022", Status.Secondary);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, CatalogueEntry> BuildHardware()
    {
        var d = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        void Add(string name, string description, double watts, string src, Status st, params Constant[] extra)
        {
            var props = new Dictionary<string, Constant>(StringComparer.Ordinal)
            {
                ["tdp"] = new($"hardware.{name}.tdp", watts / 1000, Dimension.PowerPerAccelerator, Show(watts, "W/GPU"),
                    src, "", st),
                ["gpus_per_node"] = new($"hardware.{name}.gpus_per_node", 8, Dimension.Accelerator / Dimension.Node,
                "8 GPU/node", "usual 8-accelerator server", "", Status.Secondary),
            };
            foreach (var c in extra)
            {
                props[c.Key[(c.Key.LastIndexOf('.') + 1)..]] =
                    c with { Key = $"hardware.{name}.{c.Key[(c.Key.LastIndexOf('.') + 1)..]}" };
            }

            d[name] = new CatalogueEntry(name, description, props);
        }

        Add("a100_sxm", "NVIDIA A100 SXM4 40/80 GB", 400, Llama1 + "; " + MetaCards, Status.Primary);
        Add("a100_pcie_40", "NVIDIA A100 PCIe 40 GB", 250, "vendor data (sources disagree)", Status.Secondary);
        Add("a100_pcie_80", "NVIDIA A100 PCIe 80 GB", 300, "vendor data (sources disagree)", Status.Secondary);
        Add(
            "h100_sxm",
            "NVIDIA H100 SXM5 80 GB",
            700,
            MetaCards + "; " + Olmo2,
            Status.Primary,
            new Constant("embodied_per_node", 3700, Dimension.Carbon / Dimension.Node, "3,700 kgCO2e/node", Ai2Footprint
                + ", citing BLOOM", "2025", Status.Secondary),
            new Constant("water_per_gpu", 102.6, Dimension.Water / Dimension.Accelerator, "102.6 L/GPU", Ai2Footprint
                + ": 100.4 L fab + 2.2 L mining", "2025", Status.Secondary),
            new Constant("lifetime", 4 * 8760, Dimension.Time, "4 yr", Ai2Footprint, "2025", Status.Secondary),
            new Constant("utilisation", 1, Dimension.None, "100 %", Ai2Footprint, "2025", Status.Secondary));
        Add("h100_pcie", "NVIDIA H100 PCIe", 350, "vendor data", Status.Secondary);
        Add("h800_sxm", "NVIDIA H800 SXM", 700, "vendor data", Status.Secondary);
        Add("h200_sxm", "NVIDIA H200 SXM", 700, "vendor data", Status.Secondary);
        Add("h200_nvl", "NVIDIA H200 NVL", 600, "vendor data", Status.Secondary);
        Add("b200_air", "NVIDIA B200, air cooled", 1000, "vendor data", Status.Secondary);
        Add("b200_liquid", "NVIDIA B200, liquid cooled", 1200, "vendor data", Status.Secondary);
        Add("v100_sxm2", "NVIDIA V100 SXM2 (unconfirmed: one public table swaps SXM2 and PCIe)", 300,
            "vendor sheet not checked", Status.Unconfirmed);
        Add("v100_pcie", "NVIDIA V100 PCIe (unconfirmed)", 250, "vendor sheet not checked", Status.Unconfirmed);
        Add("mi250x", "AMD Instinct MI250X", 560, "vendor data", Status.Secondary);
        Add("mi300x", "AMD Instinct MI300X", 750, "vendor data", Status.Secondary);
        Add("tpu_v2", "Google TPU v2 (mean measured power, not TDP)", 221, "Patterson et al. 2021, via mlco2 data",
            Status.Secondary);
        Add("tpu_v3", "Google TPU v3 (mean measured power, not TDP)", 283, "Patterson et al. 2021, via mlco2 data",
            Status.Secondary);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, CatalogueEntry> BuildSites()
    {
        var d = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        void Add(string name, string description, params (string Prop, string Key)[] props)
        {
            var map = new Dictionary<string, Constant>(StringComparer.Ordinal);
            foreach (var (prop, key) in props)
            {
                map[prop] = ConstantsByKey[key];
            }

            d[name] = new CatalogueEntry(name, description, map);
        }

        Add("ai2_jupiter", "AI2 Jupiter cluster, Austin, Texas", ("pue", "pue.ai2_jupiter"),
            ("grid", "grid.austin_energy"),
            ("wue_facility", "wue.closed_loop"), ("water_offsite", "water.texas"));
        Add("google_council_bluffs", "Google, Council Bluffs, Iowa (OLMo 2 13B, 'Augusta')",
            ("pue", "pue.google_council_bluffs"),
            ("grid", "grid.iowa"), ("wue_facility", "wue.closed_loop"), ("water_offsite", "water.iowa"));
        Add("jean_zay", "Jean Zay supercomputer, France (BLOOM)", ("pue", "pue.jean_zay"),
            ("grid", "grid.france_bloom"));
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    internal static string Show(double v, string unit)
    {
        string n = v.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture);
        return unit.Length == 0 ? n : n + " " + unit;
    }
}
