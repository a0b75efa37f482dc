using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Carbon.Compiler;
using Carbon.Compiler.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Carbon.Bench;

/// <summary>
/// A short job that fits a two-core machine: one measured invocation per iteration (Monitoring), run in
/// the benchmark's own process so that no project is generated and built for it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortJobAttribute(int warmups, int iterations) : JobConfigBaseAttribute(
    Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(warmups)
        .WithIterationCount(iterations)
        .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)))
{
    public int Warmups { get; } = warmups;

    public int Iterations { get; } = iterations;
}

/// <summary>
/// Parse + check of a generated campaign against Roslyn parsing the C# the same campaign lowers to,
/// in the same process. Two warm-ups and seven measured iterations keep the suite within minutes on two cores.
/// </summary>
[MemoryDiagnoser]
[ShortJob(warmups: 2, iterations: 7)]
public class FrontEnd
{
    private Campaign campaign = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => campaign = Campaign.Create(Lines);

    [Benchmark(Description = "carbonc parse + check")]
    public bool ParseAndCheck() =>
        CarbonCompilation.Create(new SourceText("generated.carbon", campaign.Carbon)).HasErrors;

    [Benchmark(Baseline = true, Description = "Roslyn parse of the C#")]
    public SyntaxNode RoslynParse() => CSharpSyntaxTree.ParseText(campaign.CSharp).GetRoot();
}

/// <summary>
/// Lowering to C#, the Roslyn compile, loading and running it: what <c>carbonc report</c> adds to a check.
/// </summary>
[MemoryDiagnoser]
[ShortJob(warmups: 1, iterations: 3)]
public class BackEnd
{
    private CarbonCompilation compilation = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var campaign = Campaign.Create(Lines);
        compilation = CarbonCompilation.Create(new SourceText("generated.carbon", campaign.Carbon));
    }

    [Benchmark(Description = "lower + Roslyn compile + run")]
    public bool LowerCompileRun() => compilation.Run(TimeSpan.FromMinutes(5)).Success;
}
