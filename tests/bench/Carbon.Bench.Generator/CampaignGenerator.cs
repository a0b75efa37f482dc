using System.Globalization;
using System.Text;

namespace Carbon.Bench.Generator;

/// <summary>
/// Writes a valid, realistic <c>.carbon</c> file of exactly the number of lines asked for: a few sites and
/// hardware declarations (from the catalogue and declared in full), then campaigns of about a thousand
/// lines each, with lets, many stages of every kind, runs that give their time and power in each of the
/// ways the language allows, expressions over lets and member access, embodied emissions, budgets and
/// comments of both kinds. The same size and seed always give the same text, so benchmark runs compare.
/// </summary>
public static class CampaignGenerator
{
    /// <summary>The smallest file <see cref="Generate"/> can write: the declarations and one small campaign.</summary>
    public const int MinimumLines = 80;

    private const int LinesPerCampaign = 1000;

    private static readonly string[] Sizes = ["1B", "7B", "13B", "32B", "70B"];
    private static readonly string[] Variants = ["Think", "Instruct", "RL-Zero", "Base"];
    private static readonly string[] Notes =
    [
        "reported by the training team",
        "derived from the scheduler's accounting",
        "restarted twice after node failures",
        "power measured at the PDU",
        "GPU-hours rounded to the nearest thousand",
        "the source gives energy only",
    ];

    /// <summary>Generates a campaign file of exactly <paramref name="lines"/> lines.</summary>
    public static string Generate(int lines, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lines, MinimumLines);
        var w = new Writer(new Random(seed));
        w.Prelude();
        int campaigns = Math.Max(1, (lines - w.Count) / LinesPerCampaign);
        for (int c = 1; c <= campaigns; c++)
        {
            // The last campaign takes whatever is left, so the file has exactly the lines asked for.
            int target = c == campaigns ? lines : w.Count + LinesPerCampaign;
            w.Campaign(c, target);
        }

        return w.ToString();
    }

    private sealed class Writer(Random random)
    {
        private readonly StringBuilder text = new();

        public int Count { get; private set; }

        public override string ToString() => text.ToString();

        public void Prelude()
        {
            Line("// Generated campaign file for the carbonc benchmarks: several model families trained at four");
            Line("// sites on five kinds of hardware. The figures are plausible, not reported ones.");
            Line();
            Line("// AI2's Jupiter cluster from the catalogue, with the server overhead of the 2026 method.");
            Line("site jupiter : ai2_jupiter {");
            Line("  gpu_share_of_it = 57.5 %            // GPUs drew 57.5 % of IT power");
            Line("  pue = 1.2");
            Line("  location = \"Austin, Texas\"");
            Line("}");
            Line();
            Line("site iowa : google_council_bluffs { pue = 1.1 }");
            Line("site jean_zay : jean_zay { }");
            Line();
            Line("/* A site declared in full: a colocation hall on a coal-heavy grid,");
            Line("   with evaporative cooling and water drawn from the local utility. */");
            Line("site hall_b {");
            Line("  pue = 1.45");
            Line("  server_overhead = 1.3");
            Line("  grid = 0.62 kgCO2e/kWh");
            Line("  grid_market = 0.41 kgCO2e/kWh");
            Line("  wue_facility = 1.8 L/kWh");
            Line("  withdrawal_facility = 2.4 L_wd/kWh");
            Line("  water_offsite = 3.1 L/kWh");
            Line("  location = \"Hall B, somewhere on a coal grid\"");
            Line("}");
            Line();
            Line("hardware h100 : h100_sxm { }");
            Line("hardware a100 : a100_sxm { gpus_per_node = 8 GPU/node }");
            Line("hardware mi300x : mi300x { }");
            Line("hardware b200 : b200_liquid { utilisation = 85 % }");
            Line("hardware custom_asic {");
            Line("  name = \"In-house accelerator, first generation\"");
            Line("  tdp = 450 W/GPU");
            Line("  gpus_per_node = 16 GPU/node");
            Line("  embodied_per_gpu = 310 kgCO2e/GPU");
            Line("  water_per_gpu = 90 L/GPU");
            Line("  lifetime = 5 yr");
            Line("  utilisation = 70 %");
            Line("}");
            Line();
            Line("let mean_h100_power = 0.88 * h100.tdp");
            Line("let dev_power = 580.9 W/GPU");
            Line("let eval_energy_per_node_hour = 7.2 kWh / 1 h");
            Line();
        }

        public void Campaign(int c, int target)
        {
            Line($"// Campaign {c}: a model family trained end to end, development work included.");
            Line($"let c{c}_power = mean_h100_power + {Int(10 + (c % 7) * 5)} W/GPU");
            Line($"let c{c}_data_co2e = {Int(200 + (c * 37 % 500))} tCO2e");
            Line($"campaign \"Family {c}\" {{");
            Line("  site = jupiter");
            Line("  hardware = h100");
            Line("  convention = \"AI2 2026: measured GPU power x server overhead x PUE\"");
            Line($"  source = \"generated, seed {c}\"");
            Line();

            // What closes the campaign: embodied, two budgets, the brace and a blank line.
            const int closing = 6;
            int stage = 0;
            long fleetHours = 0;
            while (true)
            {
                var block = Stage(c, ++stage, ref fleetHours);
                if (Count + block.Count + closing > target)
                {
                    break;
                }

                foreach (string line in block)
                {
                    Line(line);
                }
            }

            while (Count + closing < target)
            {
                Line($"  // campaign {c}: room left for {target - closing - Count} more lines of notes");
            }

            Line($"  embodied fleet_{c} {{ hardware = h100  gpu_time = {Int(Math.Max(fleetHours, 1000))} GPU*h }}");
            Line($"  embodied asic_fleet_{c} {{ hardware = custom_asic  gpus = 512 GPU  duration = 30 d }}");
            Line("  budget error co2e <= 900_000_000 tCO2e");
            Line("  budget warning water <= 900_000_000 kL");
            Line("}");
            Line();
        }

        private List<string> Stage(int c, int s, ref long fleetHours)
        {
            var b = new List<string>();
            string size = Sizes[random.Next(Sizes.Length)];
            string note = Notes[random.Next(Notes.Length)];
            long gpuHours = random.Next(2, 400) * 1000L;
            switch (random.Next(6))
            {
                case 0:
                    fleetHours += gpuHours;
                    b.Add($"  // Pre-training of the {size} model: {note}.");
                    b.Add($"  stage pretrain_{s} : pretraining {{");
                    b.Add($"    model = \"{size}\"");
                    b.Add($"    run final {{ gpu_time = {Int(gpuHours)} GPU*h  " +
                        $"power = {Int(random.Next(520, 690))} W/GPU }}   // {note}");
                    b.Add($"    run sweep_{s} : development {{");
                    b.Add($"      gpus = {Int(64 * random.Next(1, 9))} GPU");
                    b.Add($"      duration = {Dec(random.Next(5, 60) / 10.0)} d");
                    b.Add($"      utilisation = {Int(random.Next(60, 95))} %");
                    b.Add("    }");
                    b.Add("  }");
                    break;
                case 1:
                    fleetHours += gpuHours;
                    b.Add($"  stage post_{s} : post_training {{");
                    b.Add($"    model = \"{size}\"  variant = \"{Variants[random.Next(Variants.Length)]}\"" +
                        $"   // SFT + DPO + RL");
                    b.Add($"    run final {{ gpu_time = {Int(gpuHours)} GPU*h  " +
                        $"facility_energy = {Int(gpuHours * 1000 / 1000)} kWh }}");
                    b.Add($"    run evaluation {{ gpu_time = {Int(gpuHours / 20)} GPU*h  power = c{c}_power * 0.9 }}");
                    b.Add("  }");
                    break;
                case 2:
                    b.Add($"  /* Synthetic data for the {size} model, on AMD hardware at the Iowa site: {note}. */");
                    b.Add($"  stage data_{s} : data_generation {{");
                    b.Add("    hardware = mi300x");
                    b.Add("    site = iowa");
                    b.Add($"    run generation : data_generation {{ " +
                        $"facility_energy = c{c}_data_co2e / iowa.grid / {Int(random.Next(20, 90))} }}");
                    b.Add("  }");
                    break;
                case 3:
                    fleetHours += gpuHours / 4;
                    b.Add($"  stage mid_{s} : midtraining {{");
                    b.Add($"    model = \"{size}\"");
                    b.Add("    run final {");
                    b.Add($"      gpus = {Int(128 * random.Next(1, 5))} GPU  " +
                        $"duration = {Dec(random.Next(10, 80) / 10.0)} d");
                    b.Add($"      power = (c{c}_power + {Int(random.Next(5, 40))} W/GPU) * " +
                        $"{Dec(1 + random.Next(0, 9) / 100.0)}");
                    b.Add("    }");
                    b.Add("  }");
                    break;
                case 4:
                    b.Add($"  stage eval_{s} : evaluation {{");
                    b.Add("    site = hall_b  hardware = a100");
                    b.Add($"    run evaluation {{ nodes = {Int(random.Next(1, 16))} node  " +
                        $"duration = {Int(random.Next(2, 48))} h  utilisation = {Int(random.Next(40, 90))} % }}");
                    b.Add($"    run idle {{ accelerator_energy = eval_energy_per_node_hour * " +
                        $"{Int(random.Next(10, 200))} h }}");
                    b.Add("  }");
                    break;
                default:
                    b.Add($"  // Long-context extension on the newest hardware ({note}).");
                    b.Add($"  stage long_{s} : long_context {{");
                    b.Add("    hardware = b200");
                    b.Add($"    model = \"{size}\"");
                    b.Add($"    run final {{ gpu_time = {Int(gpuHours / 2)} GPU*h }}" +
                        $"   // TDP × utilisation: power not measured");
                    b.Add($"    run dev_{s} : development {{ gpu_time = {Int(gpuHours / 10)} GPU*h  " +
                        $"power = dev_power }}");
                    b.Add("  }");
                    break;
            }

            b.Add("");
            return b;
        }

        private void Line(string line = "")
        {
            text.Append(line).Append('\n');
            Count++;
        }

        private static string Int(long value) =>
            value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '_');

        private static string Dec(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
    }
}
