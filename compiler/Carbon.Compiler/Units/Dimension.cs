using System.Text;

namespace Carbon.Compiler.Units;

/// <summary>The base dimensions. Each has a canonical unit that every value is stored in.</summary>
public enum BaseDimension
{
    /// <summary>Hours.</summary>
    Time,

    /// <summary>Kilowatt-hours.</summary>
    Energy,

    /// <summary>Accelerators (GPU, TPU, …): a count, so that a power per GPU is not a power.</summary>
    Accelerator,

    /// <summary>Nodes or servers.</summary>
    Node,

    /// <summary>Kilograms of CO2 equivalent.</summary>
    Carbon,

    /// <summary>Litres of water consumed.</summary>
    Water,

    /// <summary>Litres of water withdrawn: never added to consumption.</summary>
    WaterWithdrawn,

    /// <summary>Kilograms of matter (hardware), which is not CO2e.</summary>
    Mass,

    /// <summary>Metres (for die areas).</summary>
    Length,
}

/// <summary>A dimension: an integer exponent for each base dimension.</summary>
public readonly struct Dimension : IEquatable<Dimension>
{
    private const int Count = 9;
    private readonly ulong packed;

    private Dimension(ulong packed) => this.packed = packed;

    public static Dimension None => default;

    public static Dimension Time { get; } = Of(BaseDimension.Time);
    public static Dimension Energy { get; } = Of(BaseDimension.Energy);
    public static Dimension Accelerator { get; } = Of(BaseDimension.Accelerator);
    public static Dimension Node { get; } = Of(BaseDimension.Node);
    public static Dimension Carbon { get; } = Of(BaseDimension.Carbon);
    public static Dimension Water { get; } = Of(BaseDimension.Water);
    public static Dimension WaterWithdrawn { get; } = Of(BaseDimension.WaterWithdrawn);
    public static Dimension Mass { get; } = Of(BaseDimension.Mass);
    public static Dimension Length { get; } = Of(BaseDimension.Length);
    public static Dimension Power { get; } = Energy / Time;
    public static Dimension PowerPerAccelerator { get; } = Power / Accelerator;
    public static Dimension AcceleratorTime { get; } = Accelerator * Time;
    public static Dimension CarbonIntensity { get; } = Carbon / Energy;
    public static Dimension WaterIntensity { get; } = Water / Energy;
    public static Dimension WithdrawalIntensity { get; } = WaterWithdrawn / Energy;

    public bool IsDimensionless => packed == 0;

    // Counts first, so that an accelerator time reads "GPU*h" as people write it.
    private static readonly BaseDimension[] PrintOrder =
    [
        BaseDimension.Accelerator, BaseDimension.Node, BaseDimension.Carbon, BaseDimension.Energy, BaseDimension.Water,
        BaseDimension.WaterWithdrawn, BaseDimension.Mass, BaseDimension.Length, BaseDimension.Time,
    ];

    // Nine exponents of 7 bits each (two's complement, -64 to 63) fit in one 64-bit word.
    private const int Bits = 7;
    private const ulong Mask = (1UL << Bits) - 1;

    public int this[BaseDimension b]
    {
        get
        {
            int raw = (int)((packed >> ((int)b * Bits)) & Mask);
            return raw >= 64 ? raw - 128 : raw;
        }
    }

    public static Dimension Of(BaseDimension b, int exponent = 1) => new Dimension(0).With(b, exponent);

    public static Dimension operator *(Dimension a, Dimension b) => Combine(a, b, 1);

    public static Dimension operator /(Dimension a, Dimension b) => Combine(a, b, -1);

    public static bool operator ==(Dimension a, Dimension b) => a.packed == b.packed;

    public static bool operator !=(Dimension a, Dimension b) => a.packed != b.packed;

    /// <summary>
    /// Multiplies (<paramref name="sign"/> 1) or divides (-1) two dimensions; false when an exponent
    /// would leave -32 to 32, where the packed representation would otherwise saturate silently.
    /// </summary>
    public static bool TryCombine(Dimension a, Dimension b, int sign, out Dimension result)
    {
        result = None;
        for (int i = 0; i < Count; i++)
        {
            var bd = (BaseDimension)i;
            int e = a[bd] + (sign * b[bd]);
            if (Math.Abs(e) > 32)
            {
                return false;
            }

            result = result.With(bd, e);
        }

        return true;
    }

    public Dimension Pow(int n)
    {
        var d = None;
        for (int i = 0; i < Count; i++)
        {
            d = d.With((BaseDimension)i, this[(BaseDimension)i] * n);
        }

        return d;
    }

    public bool Equals(Dimension other) => packed == other.packed;

    public override bool Equals(object? obj) => obj is Dimension d && Equals(d);

    public override int GetHashCode() => packed.GetHashCode();

    /// <summary>The dimension in canonical units, e.g. <c>kgCO2e/kWh</c>, or <c>1</c> when dimensionless.</summary>
    public string ToUnitString()
    {
        if (IsDimensionless)
        {
            return "1";
        }

        if (this == Power)
        {
            return "kW";
        }

        if (this == PowerPerAccelerator)
        {
            return "kW/GPU";
        }

        var num = new StringBuilder();
        var den = new StringBuilder();
        foreach (var b in PrintOrder)
        {
            int i = (int)b;
            int e = this[b];
            if (e == 0)
            {
                continue;
            }

            var sb = e > 0 ? num : den;
            if (sb.Length > 0)
            {
                sb.Append('*');
            }

            sb.Append(CanonicalUnit((BaseDimension)i));
            if (Math.Abs(e) != 1)
            {
                sb.Append('^').Append(Math.Abs(e).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        string n = num.Length == 0 ? "1" : num.ToString();
        return den.Length == 0 ? n : n + "/" + den;
    }

    /// <summary>A phrase for messages: "an energy (kWh)", "a power per accelerator (kW/GPU)".</summary>
    public string Describe()
    {
        string? name = KnownName(this);
        string unit = ToUnitString();
        if (IsDimensionless)
        {
            return "a plain number";
        }

        return name is null ? $"a quantity in {unit}" : $"{name} ({unit})";
    }

    public override string ToString() => ToUnitString();

    private static string? KnownName(Dimension d)
    {
        if (d == Time) return "a time";
        if (d == Energy) return "an energy";
        if (d == Power) return "a power";
        if (d == PowerPerAccelerator) return "a power per accelerator";
        if (d == Accelerator) return "an accelerator count";
        if (d == Node) return "a node count";
        if (d == AcceleratorTime) return "an accelerator time";
        if (d == Carbon) return "a CO2e mass";
        if (d == CarbonIntensity) return "a carbon intensity";
        if (d == Water) return "a volume of water consumed";
        if (d == WaterWithdrawn) return "a volume of water withdrawn";
        if (d == WaterIntensity) return "water consumed per energy";
        if (d == WithdrawalIntensity) return "water withdrawn per energy";
        if (d == Mass) return "a hardware mass";
        if (d == Energy / Accelerator) return "an energy per accelerator";
        if (d == Carbon / Accelerator) return "a CO2e mass per accelerator";
        if (d == Carbon / Node) return "a CO2e mass per node";
        if (d == Water / Accelerator) return "water per accelerator";
        if (d == Accelerator / Node) return "accelerators per node";
        return null;
    }

    private static string CanonicalUnit(BaseDimension b) => b switch
    {
        BaseDimension.Time => "h",
        BaseDimension.Energy => "kWh",
        BaseDimension.Accelerator => "GPU",
        BaseDimension.Node => "node",
        BaseDimension.Carbon => "kgCO2e",
        BaseDimension.Water => "L",
        BaseDimension.WaterWithdrawn => "L_wd",
        BaseDimension.Mass => "kg",
        BaseDimension.Length => "m",
        _ => "?",
    };

    private static Dimension Combine(Dimension a, Dimension b, int sign)
    {
        var d = None;
        for (int i = 0; i < Count; i++)
        {
            var bd = (BaseDimension)i;
            d = d.With(bd, a[bd] + (sign * b[bd]));
        }

        return d;
    }

    private Dimension With(BaseDimension b, int exponent)
    {
        int shift = (int)b * Bits;
        ulong cleared = packed & ~(Mask << shift);
        ulong value = (ulong)Math.Clamp(exponent, -64, 63) & Mask;
        return new Dimension(cleared | (value << shift));
    }
}
