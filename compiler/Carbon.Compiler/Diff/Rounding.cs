using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Diff;

/// <summary>
/// The one rounding of budget and diff figures. Each metric is shown in one unit with fixed decimals, the
/// same as the columns of the table report: tCO2e, MWh and kL to 0.1, GPU-hours to 1. A figure is rounded
/// before anything is compared or subtracted, so a change that would print as "+0.0" is no change at all:
/// no "phantom" differences, and a budget is crossed only when the figure shown is over it.
/// </summary>
public static class Rounding
{
    public static IReadOnlyList<BudgetMetric> Metrics { get; } =
        [BudgetMetric.Co2e, BudgetMetric.Energy, BudgetMetric.Water, BudgetMetric.GpuTime];

    /// <summary>The unit a metric is shown in.</summary>
    public static string Unit(BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => "tCO2e",
        BudgetMetric.Energy => "MWh",
        BudgetMetric.Water => "kL",
        _ => "GPU-h",
    };

    /// <summary>A short label for tables: "CO2e t".</summary>
    public static string Label(BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => "CO2e t",
        BudgetMetric.Energy => "Energy MWh",
        BudgetMetric.Water => "Water kL",
        _ => "GPU-hours",
    };

    /// <summary>The words for a message: "The CO2e of …".</summary>
    public static string Noun(BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => "CO2e",
        BudgetMetric.Energy => "facility energy",
        BudgetMetric.Water => "water consumption",
        _ => "GPU time",
    };

    /// <summary>The name in JSON and in <c>budget</c> declarations.</summary>
    public static string JsonName(BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => "co2e",
        BudgetMetric.Energy => "energy",
        BudgetMetric.Water => "water",
        _ => "gpuTime",
    };

    public static int Decimals(BudgetMetric m) => m == BudgetMetric.GpuTime ? 0 : 1;

    /// <summary>Canonical units (kgCO2e, kWh, L, GPU·h) per display unit.</summary>
    public static double Divisor(BudgetMetric m) => m == BudgetMetric.GpuTime ? 1 : 1000;

    /// <summary>
    /// The figure a budget metric measures: CO2e is operational plus embodied (location-based), energy is
    /// facility energy, water is all water consumed, GPU time is the accelerator-hours of the runs.
    /// </summary>
    public static double Canonical(Figures f, BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => f.Co2eTotalKg,
        BudgetMetric.Energy => f.FacilityKwh,
        BudgetMetric.Water => f.WaterTotalL,
        _ => f.GpuHours,
    };

    /// <summary>A canonical figure rounded in its display unit. Every shown or compared figure comes from
    /// here.</summary>
    public static double Round(BudgetMetric m, double canonical) => Clean(canonical / Divisor(m), Decimals(m));

    public static double Round(Figures f, BudgetMetric m) => Round(m, Canonical(f, m));

    /// <summary>The difference of two rounded figures, itself rounded so that 0.3 − 0.1 is 0.2.</summary>
    public static double Subtract(BudgetMetric m, double after, double before) => Clean(after - before, Decimals(m));

    /// <summary>A relative change in percent to 0.1 %, or null when there is nothing to divide by.</summary>
    public static double? Percent(double change, double before) =>
        before == 0 ? null : Clean(change / before * 100, 1);

    /// <summary>A budget limit (canonical units) in display units, with binary noise removed but not rounded to the
    /// display.</summary>
    public static double Limit(BudgetMetric m, double canonical) => Clean(canonical / Divisor(m), 9);

    /// <summary>"4,250.4 tCO2e".</summary>
    public static string Show(BudgetMetric m, double display) => Format.Fixed(display, Decimals(m)) + " " + Unit(m);

    /// <summary>"+149.7 tCO2e"; zero has no sign.</summary>
    public static string ShowSigned(BudgetMetric m, double display) => Sign(display) + Show(m, display);

    /// <summary>A number in the table's fixed decimals without unit: "4,250.4".</summary>
    public static string Number(BudgetMetric m, double display) => Format.Fixed(display, Decimals(m));

    public static string SignedNumber(BudgetMetric m, double display) => Sign(display) + Number(m, display);

    /// <summary>"+3.5 %".</summary>
    public static string ShowPercent(double percent) => Sign(percent) + Format.Fixed(percent, 1) + " %";

    /// <summary>A limit as written, without trailing zeros: "4,000 tCO2e", "+10 %".</summary>
    public static string ShowLimit(BudgetMetric m, double canonical, bool relative, bool change)
    {
        if (relative)
        {
            double pct = Clean(canonical * 100, 9);
            return Sign(pct) + Format.Number(pct, 6) + " %";
        }

        double v = Limit(m, canonical);
        return (change ? Sign(v) : "") + Format.Number(v, 6) + " " + Unit(m);
    }

    private static string Sign(double v) => v > 0 ? "+" : "";

    private static double Clean(double v, int decimals)
    {
        double r = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        return r == 0 ? 0 : r; // never "-0"
    }
}
