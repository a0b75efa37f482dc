namespace Carbon.Compiler.Evaluation;

/// <summary>
/// The figures of one report line, in canonical units: GPU·h, kWh, kgCO2e and litres. The generated
/// program returns each line as an array in the order of its members, so the layout is fixed.
/// </summary>
public readonly record struct Figures(
    double GpuHours,
    double AcceleratorKwh,
    double ItKwh,
    double FacilityKwh,
    double Co2eOperationalKg,
    double Co2eMarketKg,
    double Co2eEmbodiedKg,
    double WaterOnsiteL,
    double WaterOffsiteL,
    double WaterEmbodiedL,
    double WithdrawalL,
    double EmbodiedGpuHours)
{
    public const int Length = 12;

    public double Co2eTotalKg => Co2eOperationalKg + Co2eEmbodiedKg;

    public double Co2eMarketTotalKg => Co2eMarketKg + Co2eEmbodiedKg;

    public double WaterTotalL => WaterOnsiteL + WaterOffsiteL + WaterEmbodiedL;

    public static Figures FromArray(double[] a) =>
        a.Length != Length
            ? throw new ArgumentException($"A line has {Length} figures, not {a.Length}.", nameof(a))
            : new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);

    public double[] ToArray() =>
    [
        GpuHours, AcceleratorKwh, ItKwh, FacilityKwh, Co2eOperationalKg, Co2eMarketKg, Co2eEmbodiedKg,
        WaterOnsiteL, WaterOffsiteL, WaterEmbodiedL, WithdrawalL, EmbodiedGpuHours,
    ];

    public bool IsFinite => ToArray().All(double.IsFinite);

    public static Figures operator +(Figures a, Figures b)
    {
        var x = a.ToArray();
        var y = b.ToArray();
        for (int i = 0; i < Length; i++)
        {
            x[i] += y[i];
        }

        return FromArray(x);
    }

    public static Figures Sum(IEnumerable<Figures> items) => items.Aggregate(default(Figures), (a, b) => a + b);
}

/// <summary>The formulas of the accounting chain. The generated C# spells out the same formulas.</summary>
public static class Chain
{
    public static Figures Run(
        int mode, double gpuHours, double power, double energy, double overhead, double pue, double grid,
        double gridMarket,
        double wueIt, double wueFacility, double withdrawalIt, double withdrawalFacility, double waterOffsite)
    {
        double accelerator = mode switch
        {
            0 => gpuHours * power,
            1 => energy,
            2 => energy / overhead,
            _ => energy / (overhead * pue),
        };
        double it = mode switch
        {
            2 => energy,
            3 => energy / pue,
            _ => accelerator * overhead,
        };
        double facility = mode == 3 ? energy : it * pue;
        return new Figures(
            gpuHours, accelerator, it, facility, facility * grid, facility * gridMarket, 0,
            (it * wueIt) + (facility * wueFacility), facility * waterOffsite, 0,
            (it * withdrawalIt) + (facility * withdrawalFacility), 0);
    }

    public static Figures Embodied(double gpuHours, double co2ePerGpuHour, double waterPerGpuHour) =>
        new(0, 0, 0, 0, 0, 0, gpuHours * co2ePerGpuHour, 0, 0, gpuHours * waterPerGpuHour, 0, gpuHours);

    public static Figures Scale(double ratio, IEnumerable<Figures> lines)
    {
        var sum = Figures.Sum(lines).ToArray();
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] *= ratio;
        }

        return Figures.FromArray(sum);
    }
}
