using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>Reference case R1: the Olmo 3 campaign reproduces AI2's published figures within 0.5 %.</summary>
public sealed class Olmo3Tests
{
    private static readonly Lazy<CampaignReport> Report = new(() =>
    {
        string path = Path.Combine(TestPaths.Examples, "olmo3.carbon");
        var compilation = CarbonCompilation.Create(new SourceText(path, File.ReadAllText(path)));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var result = compilation.Run();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Report!.Campaigns.Single();
    });

    private static void Within(double expected, double actual, double tolerance = 0.005) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * tolerance,
            $"expected {expected} ± {tolerance:P1}, got {actual}");

    private static KindTotals Kind(RunKind k) => Report.Value.ByKind.Single(x => x.Kind == k);

    [Fact]
    public void Total_co2e_is_4251_tonnes() => Within(4_251_000, Report.Value.Totals.Co2eTotalKg);

    [Fact]
    public void Final_runs_emit_646_5_tonnes() => Within(646_500, Kind(RunKind.Final).Totals.Co2eTotalKg);

    [Fact]
    public void Development_emits_2757_tonnes() => Within(2_757_000, Kind(RunKind.Development).Totals.Co2eTotalKg);

    [Fact]
    public void Data_generation_emits_675_tonnes() => Within(675_000, Kind(RunKind.DataGeneration).Totals.Co2eTotalKg);

    [Fact]
    public void Embodied_emissions_are_172_tonnes() => Within(172_000, Report.Value.Totals.Co2eEmbodiedKg);

    [Fact]
    public void Water_is_15887_kilolitres() => Within(15_887_000, Report.Value.Totals.WaterTotalL);

    [Fact]
    public void Facility_energy_is_12286_MWh() => Within(12_286_000, Report.Value.Totals.FacilityKwh);

    [Fact]
    public void Final_runs_are_17_8_percent_of_gpu_hours() =>
        Within(0.178, Report.Value.Ratios.FinalShareOfGpuHours!.Value, 0.01);

    [Fact]
    public void Think_uses_17_4_times_the_post_training_energy_of_Instruct_at_32B()
    {
        var ratio = Report.Value.Ratios.ReasoningOverInstruct.Single(r => r.Model == "32B");
        Within(17.4, ratio.Ratio, 0.005);
    }

    [Fact]
    public void The_interpreter_and_the_compiled_program_agree_to_the_last_bit()
    {
        string path = Path.Combine(TestPaths.Examples, "olmo3.carbon");
        var compilation = CarbonCompilation.Create(new SourceText(path, File.ReadAllText(path)));
        var interpreted = compilation.Interpret()!.Campaigns.Single();
        var compiled = compilation.Run().Report!.Campaigns.Single();
        Assert.Equal(compiled.Lines.Select(l => l.Figures), interpreted.Lines.Select(l => l.Figures));
    }
}
