using System.Globalization;
using System.Text;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using CsCheck;

namespace Carbon.Compiler.Tests.Properties;

/// <summary>
/// Property-based tests over generated, well-typed campaigns. Iteration counts are kept small: the
/// compiled path costs a Roslyn compilation per sample, and the suite has two cores.
/// </summary>
public sealed class CampaignProperties
{
    private static readonly string[] StageKinds =
        ["pretraining", "midtraining", "sft", "dpo", "rl", "evaluation", "other"];
    private static readonly string[] RunKinds = ["final", "development", "data_generation", "evaluation"];

    /// <summary>A run: accelerator hours and power, GPUs over days, or facility energy stated directly.</summary>
    private sealed record RunSpec(string Kind, int Mode, int GpuHours, int Power, int Gpus, int Days, int FacilityKwh);

    private sealed record StageSpec(string Kind, string Model, RunSpec[] Runs);

    private sealed record CampaignSpec(int PueHundredths, int GridMilli, int WaterCenti, bool Embodied,
        StageSpec[] Stages)
    {
        /// <summary>
        /// The campaign as source text, every accelerator-hour figure multiplied by <paramref name="k"/>.
        /// </summary>
        public string Render(int k = 1)
        {
            var sb = new StringBuilder();
            sb.Append("site s : ai2_jupiter {\n  pue = ").Append(Num(PueHundredths / 100.0))
                .Append("\n  grid = ").Append(Num(GridMilli / 1000.0)).Append(" kgCO2e/kWh\n  water_offsite = ")
                .Append(Num(WaterCenti / 100.0)).Append(" L/kWh\n}\nhardware h : h100_sxm { }\n")
                .Append("campaign \"generated\" {\n  site = s  hardware = h\n");
            for (int i = 0; i < Stages.Length; i++)
            {
                var stage = Stages[i];
                sb.Append("  stage st").Append(i).Append(" : ").Append(stage.Kind).Append(" {\n    model = \"")
                    .Append(stage.Model).Append("\"\n");
                for (int j = 0; j < stage.Runs.Length; j++)
                {
                    var r = stage.Runs[j];
                    sb.Append("    run r").Append(j).Append(" : ").Append(r.Kind).Append(" { ");
                    sb.Append(r.Mode switch
                    {
                        0 => $"gpu_time = {Num((double)r.GpuHours * k)} GPU*h  power = {Num(r.Power)} W/GPU",
                        1 => $"gpus = {Num((double)r.Gpus * k)} GPU  duration = {Num(r.Days)} d",
                        _ => $"facility_energy = {Num(r.FacilityKwh)} kWh",
                    });
                    sb.Append(" }\n");
                }

                sb.Append("  }\n");
            }

            if (Embodied)
            {
                sb.Append("  embodied fleet { hardware = h  gpu_time = ").Append(Num(1000.0 * k)).Append(" GPU*h }\n");
            }

            return sb.Append("}\n").ToString();
        }

        public bool OnlyAcceleratorTime => Stages.All(s => s.Runs.All(r => r.Mode != 2));
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static readonly Gen<RunSpec> RunGen = Gen.Select(
        Gen.OneOf(RunKinds), Gen.Int[0, 2], Gen.Int[1, 2_000_000], Gen.Int[100, 1000], Gen.Int[1, 4096], Gen.Int[1, 90],
        Gen.Int[1, 10_000_000], (kind, mode, h, p, g, d, e) => new RunSpec(kind, mode, h, p, g, d, e));

    private static readonly Gen<StageSpec> StageGen = Gen.Select(
        Gen.OneOf(StageKinds), Gen.OneOf("7B", "32B", "1B"), RunGen.Array[1, 4], (k, m, r) => new StageSpec(k, m, r));

    private static readonly Gen<CampaignSpec> CampaignGen = Gen.Select(
        Gen.Int[100, 200], Gen.Int[1, 900], Gen.Int[0, 500], Gen.Bool, StageGen.Array[1, 4],
        (pue, grid, water, embodied, stages) => new CampaignSpec(pue, grid, water, embodied, stages));

    private static CarbonCompilation Compile(string text)
    {
        var compilation = CarbonCompilation.Create(new SourceText("generated.carbon", text));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics) + "\n" + text);
        return compilation;
    }

    [Fact]
    public void Generated_CSharp_always_compiles_and_agrees_with_the_interpreter()
    {
        CampaignGen.Sample(
            spec =>
            {
                var compilation = Compile(spec.Render());
                var interpreted = compilation.Interpret()!;
                var run = compilation.Run(TimeSpan.FromSeconds(30));
                Assert.True(run.Success, string.Join("\n", run.Diagnostics));
                Assert.DoesNotContain(run.Diagnostics, d => d.Code.StartsWith("CB5", StringComparison.Ordinal));
                Assert.Equal(
                    interpreted.Campaigns[0].Lines.Select(l => l.Figures.ToArray()),
                    run.Report!.Campaigns[0].Lines.Select(l => l.Figures.ToArray()));
            },
            iter: 25);
    }

    [Fact]
    public void Report_totals_equal_the_sum_of_their_parts()
    {
        CampaignGen.Sample(
            spec =>
            {
                var report = Compile(spec.Render()).Interpret()!.Campaigns[0];
                AssertClose(Figures.Sum(report.Lines.Select(l => l.Figures)), report.Totals, 1e-9);
                AssertClose(Figures.Sum(report.ByKind.Select(k => k.Totals)), report.Totals, 1e-9);
                AssertClose(Figures.Sum(report.Stages.Select(s => s.Totals)),
                    Figures.Sum(report.Lines.Where(l => l.Stage is not null).Select(l => l.Figures)), 1e-9);
            },
            iter: 100);
    }

    [Fact]
    public void Scaling_every_GPU_hour_by_k_scales_operational_figures_by_k()
    {
        Gen.Select(CampaignGen.Where(c => c.OnlyAcceleratorTime), Gen.Int[2, 20]).Sample(
            (spec, k) =>
            {
                var one = Compile(spec.Render()).Interpret()!.Campaigns[0].Totals;
                var scaled = Compile(spec.Render(k)).Interpret()!.Campaigns[0].Totals;
                double[] a = Operational(one);
                double[] b = Operational(scaled);
                for (int i = 0; i < a.Length; i++)
                {
                    Assert.True(Close(a[i] * k, b[i], 1e-9), $"figure {i}: {a[i]} x {k} != {b[i]}");
                }
            },
            iter: 60);
    }

    [Fact]
    public void Printing_and_parsing_again_gives_the_same_tree()
    {
        Gen.Select(CampaignGen, ExprGen.Array[0, 6]).Sample(
            (spec, lets) =>
            {
                var text = new StringBuilder();
                for (int i = 0; i < lets.Length; i++)
                {
                    text.Append("let x").Append(i).Append(" = ").Append(lets[i]).Append('\n');
                }

                text.Append("// a comment the printer drops\n").Append(spec.Render());
                var bag = new DiagnosticBag();
                var first = Parser.Parse(new SourceText("a.carbon", text.ToString()), bag);
                Assert.False(bag.HasErrors, string.Join("\n", bag.Items) + "\n" + text);
                string printed = SyntaxPrinter.Print(first);
                var again = new DiagnosticBag();
                var second = Parser.Parse(new SourceText("b.carbon", printed), again);
                Assert.False(again.HasErrors, string.Join("\n", again.Items) + "\n" + printed);
                Assert.Equal(printed, SyntaxPrinter.Print(second));
                Assert.Equal(Shape(first), Shape(second));
            },
            iter: 200);
    }

    /// <summary>Random expressions over numbers, units, names, members, unary and binary operators.</summary>
    private static readonly Gen<string> ExprGen = Gen.Recursive<string>((depth, self) =>
    {
        var leaf = Gen.OneOf(
            Gen.Int[0, 100_000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Double[0, 1e6].Select(d =>
                d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal)),
            Gen.Select(Gen.Int[1, 999], Gen.OneOf("kWh", "W/GPU", "GPU*h", "%", "kgCO2e/kWh", "cm^2", "L/kWh", "h^-1"),
                (n, u) => n.ToString(CultureInfo.InvariantCulture) + " " + u),
            Gen.OneOf("h.tdp", "pue.google_council_bluffs", "s", "(1)", "\"text \\\" with \\\\ escapes\""));
        if (depth > 4)
        {
            return leaf;
        }

        return Gen.Frequency(
            (3, leaf),
            (1, Gen.Select(Gen.OneOf("-", "+", "- "), self).Select(x => x.Item1 + x.Item2)),
            (2, Gen.Select(self, Gen.OneOf(" + ", " - ", " * ", " / "), self).Select(x => x.Item1 + x.Item2 + x.Item3)),
            (1, self.Select(x => "(" + x + ")")));
    });

    /// <summary>The tree without positions: what must survive printing.</summary>
    private static string Shape(CompilationUnit unit) =>
        string.Join("\n", unit.Items.Select(Describe));

    private static string Describe(SyntaxNode node) => node switch
    {
        BlockItem b => $"{b.Kind} {b.Name.Text}:{b.Base?.Text} [{string.Join("; ", b.Members.Select(Describe))}]",
        LetItem l => $"let {l.Name.Text} = {Describe(l.Value)}",
        PropertyItem p => $"{p.Name.Text} = {Describe(p.Value)}",
        ImportItem i => $"import {i.Path.Value}",
        BudgetItem g =>
            $"budget {g.Level} {g.Model?.Value} {g.Metric.Text} {g.IsChange} {g.Strict} {Describe(g.Limit)}",
        QuantityExpr q => $"{q.Number.ToString("R", CultureInfo.InvariantCulture)}[{q.Unit?.Text}]",
        StringExpr s => $"'{s.Value}'",
        NameExpr n => n.Name.Text,
        MemberExpr m => $"{Describe(m.Target)}.{m.Member.Text}",
        UnaryExpr u => $"({u.Operator}{Describe(u.Operand)})",
        BinaryExpr b => $"({Describe(b.Left)}{b.Operator}{Describe(b.Right)})",
        ParenExpr p => $"[{Describe(p.Inner)}]",
        _ => node.GetType().Name,
    };

    private static double[] Operational(Figures f) =>
        [f.GpuHours, f.AcceleratorKwh, f.ItKwh, f.FacilityKwh, f.Co2eOperationalKg, f.Co2eMarketKg, f.WaterOnsiteL,
         f.WaterOffsiteL,
         f.WithdrawalL, f.Co2eEmbodiedKg, f.WaterEmbodiedL, f.EmbodiedGpuHours];

    private static bool Close(double expected, double actual, double relative) =>
        Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12;

    private static void AssertClose(Figures expected, Figures actual, double relative)
    {
        var a = expected.ToArray();
        var b = actual.ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(Close(a[i], b[i], relative), $"figure {i}: {a[i]} != {b[i]}");
        }
    }
}
