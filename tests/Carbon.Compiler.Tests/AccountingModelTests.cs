using Carbon.Compiler.Reporting;
using Carbon.Compiler.Semantics;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>
/// The parts of the accounting model the reference cases do not exercise: per-server plus per-GPU embodied
/// figures, development ratios, idle lines, water denominators, withdrawal, utilisation × TDP.
/// </summary>
public sealed class AccountingModelTests
{
    private const string Site =
        "site dc { pue = 1.25  grid = 0.4 kgCO2e/kWh  water_offsite = 2 L/kWh  server_overhead = 1.5 ";

    private static CampaignReport Report(string text)
    {
        var compilation = CarbonCompilation.Create(new SourceText("model.carbon", text));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var result = compilation.Run();
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var interpreted = compilation.Interpret()!.Campaigns.Single();
        var compiled = result.Report!.Campaigns.Single();
        Assert.Equal(compiled.Lines.Select(l => l.Figures), interpreted.Lines.Select(l => l.Figures));
        return compiled;
    }

    [Fact]
    public void Embodied_per_server_plus_per_GPU_reproduces_BLOOMs_11_2_tonnes()
    {
        // BLOOM (Luccioni et al. 2022): 2,500 kg per 8-GPU server plus 150 kg per A100, over 6 years at 85 %
        // use, charged on its 1,082,990 GPU-hours (from that paper), gives 11.2 t.
        var c = Report("""
            site jz : jean_zay { water_offsite = 0 L/kWh  server_overhead = 1 }
            hardware a100 : a100_sxm {
              embodied_per_gpu = embodied.a100_bloom
              embodied_per_node = embodied.server_bloom
              lifetime = 6 yr
              utilisation = 85 %
            }
            campaign "BLOOM embodied" { site = jz  hardware = a100  embodied fleet { gpu_time = 1_082_990 GPU*h } }
            """);
        double perGpuHour = (150 + (2500.0 / 8)) / (6 * 8760 * 0.85);
        Assert.Equal(1_082_990 * perGpuHour, c.Totals.Co2eEmbodiedKg, 6);
        Assert.InRange(c.Totals.Co2eEmbodiedKg, 11_150, 11_250);
        Assert.Equal(1_082_990, c.Totals.EmbodiedGpuHours);
        var perNode = c.Constants.Single(k => k.Name == "a100.embodied_per_node");
        Assert.Contains("server_bloom", perNode.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_development_ratio_on_a_stage_scales_that_stages_final_runs()
    {
        var c = Report(Site + """
            }
            campaign "c" {
              site = dc
              stage a : pretraining { development_ratio = 50 %  run final { it_energy = 100 MWh } }
              stage b : sft { run final { it_energy = 10 MWh } }
            }
            """);
        var development = c.ByKind.Single(k => k.Kind == RunKind.Development).Totals;
        Assert.Equal(50 * 1000 * 1.25, development.FacilityKwh, 9);
        Assert.Equal("a", c.Lines.Single(l => l.Kind == RunKind.Development).Stage);
        Assert.Equal((110 + 50) / 110.0, c.Ratios.DevelopmentMultiplier!.Value, 12);
    }

    [Fact]
    public void A_development_ratio_on_the_campaign_scales_every_final_run()
    {
        var c = Report(Site + """
            }
            campaign "c" {
              site = dc
              development_ratio = 1.5
              stage a : pretraining { run final { it_energy = 100 MWh } }
              stage b : sft { run final { it_energy = 10 MWh } }
            }
            """);
        Assert.Equal(2.5, c.Ratios.DevelopmentMultiplier!.Value, 12);
        Assert.Null(c.Lines.Single(l => l.Kind == RunKind.Development).Stage);
    }

    [Fact]
    public void Development_runs_and_a_ratio_in_one_stage_are_CB4009()
    {
        string text = Site + """
            }
            campaign "c" {
              site = dc
              stage a : pretraining {
                development_ratio = 50 %
                run final { it_energy = 100 MWh }
                run sweep : development { it_energy = 10 MWh }
              }
            }
            """;
        var d = Assert.Single(CarbonCompilation.Create(new SourceText("m.carbon", text)).Diagnostics);
        Assert.Equal("CB4009", d.Code);
    }

    [Fact]
    public void Idle_energy_is_a_line_of_its_own()
    {
        var c = Report(Site + """
            }
            hardware gpu { tdp = 400 W/GPU  gpus_per_node = 8 GPU/node }
            campaign "c" {
              site = dc
              hardware = gpu
              stage a : pretraining {
                run final { gpus = 384 GPU  duration = 100 d  utilisation = 80 % }
                run idle { nodes = 48 node  duration = 100 d  power = 50 W/GPU }
              }
            }
            """);
        var final = c.Lines.Single(l => l.Kind == RunKind.Final);
        var idle = c.Lines.Single(l => l.Kind == RunKind.Idle);
        Assert.Equal("utilisation × TDP", final.PowerBasis);
        Assert.Equal(384 * 2400 * 0.4 * 0.8, final.Figures.AcceleratorKwh, 6);
        Assert.Equal(48 * 8 * 2400 * 0.05, idle.Figures.AcceleratorKwh, 6);
        Assert.Contains(c.ByKind, k => k.Kind == RunKind.Idle);
    }

    [Theory]
    [InlineData("wue_it = 1 L/kWh", 1.5)]
    [InlineData("wue_facility = 1 L/kWh", 1.5 * 1.25)]
    public void On_site_water_uses_the_denominator_the_site_states(string wue, double perAcceleratorKwh)
    {
        var c = Report(Site + wue + """
             }
            campaign "c" { site = dc  stage a : pretraining { run final { accelerator_energy = 100 MWh } } }
            """);
        Assert.Equal(100_000 * perAcceleratorKwh, c.Totals.WaterOnsiteL, 6);
        Assert.Equal(100_000 * 1.5 * 1.25 * 2, c.Totals.WaterOffsiteL, 6);
    }

    [Fact]
    public void Withdrawal_is_carried_beside_consumption_and_never_added_to_it()
    {
        var c = Report(Site + """
            wue_it = 0.5 L/kWh  withdrawal_it = withdrawal.meta }
            campaign "c" { site = dc  stage a : pretraining { run final { it_energy = 100 MWh } } }
            """);
        Assert.Equal(100_000 * 0.19, c.Totals.WithdrawalL, 6);
        Assert.Equal(c.Totals.WaterOnsiteL + c.Totals.WaterOffsiteL + c.Totals.WaterEmbodiedL, c.Totals.WaterTotalL);
        Assert.Contains("\"withdrawalL\"", JsonReportWriter.Write(new FootprintReport([c])), StringComparison.Ordinal);
        Assert.Contains("Water withdrawn, on site", MarkdownReportWriter.Write(new FootprintReport([c])),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_value_overrides_the_catalogue_and_says_so()
    {
        var c = Report("""
            site jupiter : ai2_jupiter { pue = 1.3  server_overhead = 1 }
            campaign "c" { site = jupiter  stage a : pretraining { run final { it_energy = 100 MWh } } }
            """);
        Assert.Equal(100_000 * 1.3, c.Totals.FacilityKwh, 6);
        Assert.Equal("stated", c.Constants.Single(k => k.Name == "jupiter.pue").Origin);
        Assert.Equal("catalogue", c.Constants.Single(k => k.Name == "jupiter.grid").Origin);
        Assert.DoesNotContain(c.Constants, k => k.Name == "pue.ai2_jupiter");
    }

    [Fact]
    public void Models_and_variants_roll_up()
    {
        var c = Report(Site + """
            }
            campaign "c" {
              site = dc
              stage pre : pretraining { model = "7B"  run final { it_energy = 100 MWh } }
              stage think : rl { model = "7B"  variant = "Think"  run final { it_energy = 30 MWh } }
              stage instruct : sft { model = "7B"  variant = "Instruct"  run final { it_energy = 10 MWh } }
            }
            """);
        var m = Assert.Single(c.Models);
        Assert.Equal(140 * 1000 * 1.25, m.Totals.FacilityKwh, 6);
        Assert.Equal(["Think", "Instruct"], m.Variants.Select(v => v.Variant));
        Assert.Equal(3.0, Assert.Single(c.Ratios.ReasoningOverInstruct).Ratio, 12);
        Assert.Equal(40 / 140.0, c.Ratios.PostTrainingShareOfEnergy!.Value, 12);
    }
}
