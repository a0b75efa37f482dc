using Carbon.Compiler.Lowering;
using Carbon.Compiler.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Carbon.Compiler.Tests;

/// <summary>
/// The lowering lays members out one by one (normalizing the whole class at once is quadratic); the text
/// must still be exactly what Roslyn's NormalizeWhitespace gives for the whole file.
/// </summary>
public sealed class LoweringLayoutTests
{
    private const string TwoCampaigns = """
        site s : ai2_jupiter { }
        hardware h : h100_sxm { }
        let p = 0.9 * h.tdp
        campaign "A" {
          site = s  hardware = h
          stage pre : pretraining { run final { gpu_time = 1_000 GPU*h  power = p } }
          stage post : post_training { run final { gpu_time = 10 GPU*h  facility_energy = 12 kWh } }
          embodied fleet { hardware = h  gpu_time = 2_000 GPU*h }
        }
        campaign "B" {
          site = s  hardware = h
          stage pre : pretraining { run final { gpu_time = 2_000 GPU*h } }
          embodied fleet { hardware = h  gpu_time = 3_000 GPU*h }
        }
        """;

    public static TheoryData<string> Sources() =>
        new(File.ReadAllText(Path.Combine(TestPaths.Examples, "olmo3.carbon")), TwoCampaigns);

    [Theory]
    [MemberData(nameof(Sources))]
    public void Lowered_code_is_laid_out_as_NormalizeWhitespace_lays_out_the_whole_file(string text)
    {
        var compilation = CarbonCompilation.Create(new SourceText("a.carbon", text));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        string code = compilation.EmitCSharp()!;
        string whole = CSharpSyntaxTree.ParseText(code).GetRoot().NormalizeWhitespace(eol: "\n").ToFullString() + "\n";
        Assert.Equal(whole, code);
    }

    [Fact]
    public void Shared_line_names_get_the_same_suffixes_as_counting_from_the_start()
    {
        var names = new MemberNames();
        Assert.Equal(["x", "x_2", "x_3", "x_2_2", "x_4", "class_2", "Chain_2", "M1a"],
            new[] { "x", "x", "x", "x_2", "x", "class", "Chain", "1a" }.Select(names.Unique));
    }
}
