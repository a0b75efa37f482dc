using Carbon.Bench.Generator;
using Carbon.Compiler;
using Carbon.Compiler.Text;

namespace Carbon.Bench;

/// <summary>A generated campaign of a given size and the C# it lowers to, both checked to be free of errors.</summary>
internal sealed record Campaign(int Lines, string Carbon, string CSharp)
{
    public static Campaign Create(int lines)
    {
        string carbon = CampaignGenerator.Generate(lines);
        var compilation = CarbonCompilation.Create(new SourceText($"generated-{lines}.carbon", carbon));
        if (compilation.HasErrors)
        {
            // A benchmark of a file that does not check would measure the error path, not the compiler.
            throw new InvalidOperationException(
                "the generated campaign has errors: " + string.Join("; ", compilation.Diagnostics.Take(3)));
        }

        return new Campaign(lines, carbon, compilation.EmitCSharp()!);
    }
}
