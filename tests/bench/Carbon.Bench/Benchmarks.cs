using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Carbon.Compiler;
using Carbon.Compiler.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Carbon.Bench;

/// <summary>
/// Parse + check of a generated campaign against Roslyn parsing the C# the same campaign lowers to,
/// in the same process. One warm-up and five measured iterations keep the suite within minutes on two cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
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

/// <summary>Lowering to C#, the Roslyn compile, loading and running it: what <c>carbonc report</c> adds to a check.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
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
