using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>The Markdown, HTML and Hugging Face writers: content, escaping, determinism.</summary>
public sealed class ReportWriterTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<FootprintReport> Olmo3 =
        new(() => ReferenceCaseTests.Compile("olmo3.carbon").Run().Report!);

    /// <summary>A campaign named by an attacker: quotes, markup, Markdown and YAML syntax, a backslash.</summary>
    private const string Hostile = "<script>alert(1)</script> \\\"x\\\" & 'y' | **z** [l](http://e.test) \\\\";

    private static FootprintReport HostileReport()
    {
        string text = $$"""
            site dc {
              pue = 1.2  grid = 0.4 kgCO2e/kWh  water_offsite = 1 L/kWh  location = "<img src=x onerror=alert(2)>"
            }
            campaign "{{Hostile}}" {
              site = dc
              source = "</title><script>alert(3)</script>"
              stage s : pretraining {
                model = "7B</td><script>"  variant = "Think"
                run final { it_energy = 10 MWh }
              }
            }
            """;
        var compilation = CarbonCompilation.Create(new SourceText("hostile.carbon", text));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Run().Report!;
    }

    private static XDocument ParseXml(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    [Fact]
    public void The_formats_are_registered_for_the_command_line()
    {
        Assert.Contains("markdown", ReportFormats.Names);
        Assert.Contains("html", ReportFormats.Names);
        Assert.Contains("hf", ReportFormats.Names);
    }

    [Theory]
    [MemberData(nameof(ReferenceCaseTests.Examples), MemberType = typeof(ReferenceCaseTests))]
    public void The_HTML_page_of_every_example_is_well_formed_and_self_contained(string file)
    {
        string html = HtmlReportWriter.Write(ReferenceCaseTests.Compile(file).Run().Report!);
        var doc = ParseXml(html);
        Assert.Equal(Xhtml + "html", doc.Root!.Name);
        Assert.DoesNotContain(doc.Descendants(),
            e => e.Name.LocalName is "script" or "link" or "iframe" or "object" or "img");
        Assert.DoesNotContain(
            doc.Descendants().Attributes(),
            a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Single(doc.Descendants(Xhtml + "style"));
    }

    [Fact]
    public void The_HTML_chart_has_a_CO2e_and_a_water_bar_per_stage_and_run_kind()
    {
        var c = Olmo3.Value.Campaigns.Single();
        var doc = ParseXml(HtmlReportWriter.Write(Olmo3.Value));
        var svg = Assert.Single(doc.Descendants(Svg + "svg"));
        int rows = c.Stages.Count + c.Lines.Count(l => l.Stage is null) + c.ByKind.Count;
        var bars = svg.Descendants(Svg + "rect").ToList();
        Assert.Equal(rows, bars.Count(b => b.Attribute("class")!.Value == "bar co2e"));
        Assert.Equal(rows, bars.Count(b => b.Attribute("class")!.Value == "bar water"));

        // The longest CO2e bar of the run-kind group is development (2,757 t), drawn at full width.
        var development = bars.Where(b => b.Value.StartsWith("development:", StringComparison.Ordinal)).ToList();
        Assert.All(development, b => Assert.Equal("200", b.Attribute("width")!.Value));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "pretrain_32b");
    }

    [Fact]
    public void The_HTML_page_lists_every_constant_with_its_source()
    {
        var c = Olmo3.Value.Campaigns.Single();
        var doc = ParseXml(HtmlReportWriter.Write(Olmo3.Value));
        var table = doc.Descendants(Xhtml + "table").Single(t => t.Attribute("class")?.Value == "sources");
        var rows = table.Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").ToList();
        Assert.Equal(c.Constants.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Elements(Xhtml + "td").Select(td => td.Value).ToList();
            Assert.Equal([c.Constants[i].Name, c.Constants[i].Value, c.Constants[i].Origin, c.Constants[i].Source],
                cells.Take(4));
        }
    }

    [Fact]
    public void A_hostile_campaign_cannot_inject_markup_into_the_HTML_page()
    {
        string html = HtmlReportWriter.Write(HostileReport());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var doc = ParseXml(html);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img");
        Assert.Contains(doc.Descendants(Xhtml + "h1"), h => h.Value == "Footprint of " + Hostile.Replace("\\\"", "\"",
            StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_campaign_cannot_break_the_Markdown_tables()
    {
        string md = MarkdownReportWriter.Write(HostileReport());
        Assert.DoesNotMatch(@"(?<!\\)<", md); // every '<' is escaped, so no raw HTML reaches the page
        Assert.Contains("\\<script\\>", md, StringComparison.Ordinal);
        Assert.Contains("\\| \\*\\*z\\*\\* \\[l\\]", md, StringComparison.Ordinal);

        // Every table row has as many unescaped cell separators as its header.
        foreach (var table in md.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            int Cells(string line) => System.Text.RegularExpressions.Regex.Count(line, @"(?<!\\)\|");
            Assert.All(lines, l => Assert.Equal(Cells(lines[0]), Cells(l)));
        }
    }

    [Fact]
    public void The_Hugging_Face_block_gives_grams_and_quotes_hostile_text()
    {
        var report = HostileReport();
        string yaml = HuggingFaceWriter.Write(report);
        double grams = report.Campaigns.Single().Totals.Co2eTotalKg * 1000;
        Assert.Contains($"  emissions: {Math.Round(grams).ToString("0", CultureInfo.InvariantCulture)}\n", yaml,
            StringComparison.Ordinal);
        Assert.Contains("  source: \"</title><script>alert(3)</script>; computed by carbonc\"\n", yaml,
            StringComparison.Ordinal);
        Assert.Contains("  geographical_location: \"<img src=x onerror=alert(2)>\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  training_type: \"pre-training\"\n", yaml, StringComparison.Ordinal);
        Assert.Equal("\"a\\\"b\\\\c\\nd\"", HuggingFaceWriter.Quote("a\"b\\c\nd"));
        Assert.All(yaml.Split('\n').Where(l => l.StartsWith('#')), l => Assert.DoesNotContain('\r', l));
    }

    [Fact]
    public void The_Hugging_Face_export_has_one_block_per_model()
    {
        var report = ReferenceCaseTests.Compile("llama2.carbon").Run().Report!;
        string yaml = HuggingFaceWriter.Write(report);
        var documents = yaml.Split("---\n");
        Assert.Equal(4, documents.Length);
        var c = report.Campaigns.Single();
        for (int i = 0; i < 4; i++)
        {
            var m = c.Models[i];
            Assert.Contains($"model \"{m.Model}\"", documents[i], StringComparison.Ordinal);
            string grams = Math.Round(m.Totals.Co2eTotalKg * 1000, MidpointRounding.AwayFromZero)
                .ToString("0", CultureInfo.InvariantCulture);
            Assert.Contains("  emissions: " + grams + "\n", documents[i], StringComparison.Ordinal);
            Assert.Contains("  hardware_used: \"NVIDIA A100 80 GB", documents[i], StringComparison.Ordinal);
        }

        Assert.Contains("  emissions: 31223808\n", documents[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_format_carries_the_summary_ratios()
    {
        var report = Olmo3.Value;
        Assert.Contains("\"reasoningOverInstructPostTrainingEnergy\"", JsonReportWriter.Write(report),
            StringComparison.Ordinal);
        Assert.Contains("32B Think / Instruct post-training energy: 17.4x", TableReportWriter.Write(report),
            StringComparison.Ordinal);
        foreach (string text in new[] { MarkdownReportWriter.Write(report), HtmlReportWriter.Write(report) })
        {
            Assert.Contains("32B Think ÷ Instruct post-training energy: 17.4", text, StringComparison.Ordinal);
            Assert.Contains("Final-run share of GPU-hours: 17.8 %", text, StringComparison.Ordinal);
            Assert.Contains("Final-run share of CO2e: 15.2 %", text, StringComparison.Ordinal);
            Assert.Contains("Development multiplier: 5.61 (GPU-hours", text, StringComparison.Ordinal);
            Assert.Contains("Post-training share of energy: 1.0 %", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("hf")]
    public void The_output_is_the_same_in_every_culture(string format)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            string invariant = ReportFormats.Write(format, Olmo3.Value);
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, ReportFormats.Write(format, Olmo3.Value));
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(invariant, ReportFormats.Write(format, Olmo3.Value));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
