using System.Globalization;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>Reports are byte-identical whatever the culture of the machine.</summary>
public sealed class CultureTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public void A_report_is_byte_identical_under_de_DE_and_the_invariant_culture(string format)
    {
        string Render(CultureInfo culture)
        {
            var saved = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = culture;
            try
            {
                string path = Path.Combine(TestPaths.Examples, "olmo3.carbon");
                var compilation = CarbonCompilation.Create(
                    new SourceText("examples/olmo3.carbon", File.ReadAllText(path)));
                return ReportFormats.Write(format, compilation.Run().Report!);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        string german = Render(new CultureInfo("de-DE"));
        string invariant = Render(CultureInfo.InvariantCulture);

        Assert.Equal(invariant, german);
        Assert.Contains("Olmo 3", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_in_a_file_parse_the_same_under_de_DE()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var compilation = CarbonCompilation.Create(new SourceText("t.carbon", "let x = 1_234.5 kWh\n"));
            var let = Assert.IsType<Semantics.LetSymbol>(compilation.Model.Symbols.Single());
            Assert.Equal(1234.5, let.Bound!.Value.Number);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
