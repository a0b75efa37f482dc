using System.Collections.Frozen;

namespace Carbon.Compiler.Units;

/// <summary>A unit: how many canonical units one of it is, and its dimension.</summary>
public readonly record struct UnitInfo(string Name, double Factor, Dimension Dimension);

/// <summary>The units a campaign can be written in. Names are case-sensitive, as in SI (MW is not mW).</summary>
public static class UnitTable
{
    private static readonly FrozenDictionary<string, UnitInfo> Units = Build();

    public static IEnumerable<UnitInfo> All => Units.Values.OrderBy(u => u.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, out UnitInfo unit) => Units.TryGetValue(name, out unit);

    /// <summary>The unit names closest to a misspelt one, best first.</summary>
    public static string? Suggest(string name)
    {
        var exact = Units.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        return Names.Closest(name, Units.Keys);
    }

    private static FrozenDictionary<string, UnitInfo> Build()
    {
        var d = new Dictionary<string, UnitInfo>(StringComparer.Ordinal);
        void Add(string name, double factor, Dimension dim) => d[name] = new UnitInfo(name, factor, dim);

        // Time, canonical hours.
        Add("s", 1.0 / 3600, Dimension.Time);
        Add("min", 1.0 / 60, Dimension.Time);
        Add("h", 1, Dimension.Time);
        Add("d", 24, Dimension.Time);
        Add("wk", 24 * 7, Dimension.Time);
        Add("yr", 24 * 365, Dimension.Time);

        // Energy, canonical kWh; power, canonical kW.
        Add("J", 1.0 / 3.6e6, Dimension.Energy);
        Add("kJ", 1.0 / 3.6e3, Dimension.Energy);
        Add("MJ", 1.0 / 3.6, Dimension.Energy);
        Add("GJ", 1e3 / 3.6, Dimension.Energy);
        Add("TJ", 1e6 / 3.6, Dimension.Energy);
        Add("Wh", 1e-3, Dimension.Energy);
        Add("kWh", 1, Dimension.Energy);
        Add("MWh", 1e3, Dimension.Energy);
        Add("GWh", 1e6, Dimension.Energy);
        Add("TWh", 1e9, Dimension.Energy);
        Add("W", 1e-3, Dimension.Power);
        Add("kW", 1, Dimension.Power);
        Add("MW", 1e3, Dimension.Power);
        Add("GW", 1e6, Dimension.Power);

        // Counts.
        Add("GPU", 1, Dimension.Accelerator);
        Add("TPU", 1, Dimension.Accelerator);
        Add("accelerator", 1, Dimension.Accelerator);
        Add("node", 1, Dimension.Node);
        Add("server", 1, Dimension.Node);

        // CO2e, canonical kg.
        Add("gCO2e", 1e-3, Dimension.Carbon);
        Add("kgCO2e", 1, Dimension.Carbon);
        Add("tCO2e", 1e3, Dimension.Carbon);
        Add("ktCO2e", 1e6, Dimension.Carbon);
        Add("MtCO2e", 1e9, Dimension.Carbon);

        // Water consumed and withdrawn, canonical litres.
        foreach (var (suffix, dim) in new[] { ("", Dimension.Water), ("_wd", Dimension.WaterWithdrawn) })
        {
            if (suffix.Length == 0)
            {
                Add("mL", 1e-3, dim);
            }

            Add("L" + suffix, 1, dim);
            Add("kL" + suffix, 1e3, dim);
            Add("ML" + suffix, 1e6, dim);
            if (suffix.Length == 0)
            {
                Add("GL", 1e9, dim);
            }

            Add("m3" + suffix, 1e3, dim);
            Add("gal" + suffix, 3.785411784, dim);
        }

        // Hardware mass and length.
        Add("g", 1e-3, Dimension.Mass);
        Add("kg", 1, Dimension.Mass);
        Add("t", 1e3, Dimension.Mass);
        Add("mm", 1e-3, Dimension.Length);
        Add("cm", 1e-2, Dimension.Length);
        Add("m", 1, Dimension.Length);
        Add("km", 1e3, Dimension.Length);

        // Dimensionless.
        Add("%", 0.01, Dimension.None);
        Add("x", 1, Dimension.None);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
