using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Parsing;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

public sealed class ParserTests
{
    private static (CompilationUnit Unit, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var unit = Parser.Parse(new SourceText("t.carbon", text), bag);
        return (unit, bag.Items);
    }

    private static Expr ParseExpr(string expr)
    {
        var (unit, diagnostics) = Parse("let x = " + expr + "\n");
        Assert.Empty(diagnostics);
        return Assert.IsType<LetItem>(Assert.Single(unit.Items)).Value;
    }

    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        var e = Assert.IsType<BinaryExpr>(ParseExpr("1 + 2 * 3"));

        Assert.Equal('+', e.Operator);
        Assert.Equal('*', Assert.IsType<BinaryExpr>(e.Right).Operator);
    }

    [Fact]
    public void Operators_of_one_layer_associate_to_the_left()
    {
        var e = Assert.IsType<BinaryExpr>(ParseExpr("8 - 2 - 1"));

        Assert.Equal('-', e.Operator);
        Assert.Equal(1, Assert.IsType<QuantityExpr>(e.Right).Number);
    }

    [Fact]
    public void A_compound_unit_without_spaces_is_one_unit()
    {
        var q = Assert.IsType<QuantityExpr>(ParseExpr("1_050_000 GPU*h"));

        Assert.Equal(1_050_000, q.Number);
        Assert.Equal("GPU*h", q.Unit!.Text);
    }

    [Fact]
    public void Spaces_around_an_operator_make_it_arithmetic()
    {
        var e = Assert.IsType<BinaryExpr>(ParseExpr("649 W / gpus"));

        Assert.Equal('/', e.Operator);
        Assert.Equal("W", Assert.IsType<QuantityExpr>(e.Left).Unit!.Text);
        Assert.Equal("gpus", Assert.IsType<NameExpr>(e.Right).Name.Text);
    }

    [Fact]
    public void Units_take_exponents_and_percent()
    {
        Assert.Equal("cm^2", Assert.IsType<QuantityExpr>(ParseExpr("8.14 cm^2")).Unit!.Text);
        Assert.Equal("%", Assert.IsType<QuantityExpr>(ParseExpr("57.5 %")).Unit!.Text);
        Assert.Equal("kgCO2e/kWh", Assert.IsType<QuantityExpr>(ParseExpr("0.332 kgCO2e/kWh")).Unit!.Text);
    }

    [Fact]
    public void Several_properties_fit_on_one_line_without_separators()
    {
        var (unit, diagnostics) = Parse("site s { pue = 1.2  grid = 0.332 kgCO2e/kWh; water_offsite = 1.29 L/kWh }");

        Assert.Empty(diagnostics);
        var site = Assert.IsType<BlockItem>(Assert.Single(unit.Items));
        Assert.Equal(["pue", "grid", "water_offsite"], site.Properties.Select(p => p.Name.Text));
        Assert.Null(Assert.IsType<QuantityExpr>(site.Properties.First().Value).Unit);
    }

    [Fact]
    public void Every_node_carries_the_span_of_its_source()
    {
        const string Text =
            "campaign \"Olmo 3\" {\n  stage p : pretraining {\n    run final { gpu_time = 10 GPU*h }\n  }\n}\n";
        var (unit, _) = Parse(Text);

        var campaign = Assert.IsType<BlockItem>(Assert.Single(unit.Items));
        var stage = Assert.Single(campaign.Blocks);
        var run = Assert.Single(stage.Blocks);
        var property = Assert.Single(run.Properties);
        Assert.Equal("Olmo 3", campaign.Name.Text);
        Assert.Equal("campaign \"Olmo 3\" {", Text[campaign.Span.Start..Text.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.Equal('}', Text[campaign.Span.End - 1]);
        Assert.Equal("run final { gpu_time = 10 GPU*h }", Text[run.Span.Start..run.Span.End]);
        Assert.Equal("gpu_time = 10 GPU*h", Text[property.Span.Start..property.Span.End]);
        Assert.Equal("pretraining", stage.Base!.Text);
    }

    [Fact]
    public void Comments_are_whitespace()
    {
        var (unit, diagnostics) =
            Parse("// line\nlet /* inline */ a = 1 // trailing\n/* block\n over lines */ let b = 2\n");

        Assert.Empty(diagnostics);
        Assert.Equal(2, unit.Items.Length);
    }

    [Fact]
    public void A_broken_member_does_not_lose_the_rest_of_its_block()
    {
        // Newlines are whitespace, so 'pue =' takes 'grid' as its value and the error is at the second '='.
        var (unit, diagnostics) =
            Parse("site s {\n  pue = \n  grid = 0.3 kgCO2e/kWh\n  wue_it = 0 L/kWh\n}\nsite t { pue = 1.1 }\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("CB1001", error.Code);
        Assert.Equal(new LinePosition(3, 8), error.Start);
        var s = Assert.IsType<BlockItem>(unit.Items[0]);
        Assert.Contains(s.Members, m => m is ErrorItem);
        Assert.Equal("wue_it", s.Properties.Last().Name.Text);
        Assert.Equal("t", Assert.IsType<BlockItem>(unit.Items[1]).Name.Text);
    }

    [Fact]
    public void A_missing_brace_ends_the_block_at_the_next_declaration()
    {
        var (unit, diagnostics) = Parse("site s { pue = 1.2\nhardware h : h100_sxm { }\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("Unexpected 'hardware'; expected '}' to close the block before it.", error.Message);
        Assert.Equal(2, unit.Items.Length);
        Assert.Equal("pue", Assert.IsType<BlockItem>(unit.Items[0]).Properties.Single().Name.Text);
    }

    [Fact]
    public void A_property_named_like_a_keyword_is_still_a_property()
    {
        var (unit, diagnostics) = Parse("campaign \"c\" {\n  site = s\n  hardware = h\n}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["site", "hardware"],
            Assert.IsType<BlockItem>(Assert.Single(unit.Items)).Properties.Select(p => p.Name.Text));
    }

    [Fact]
    public void Errors_say_what_was_unexpected_and_what_was_expected_with_line_and_column()
    {
        var (_, diagnostics) = Parse("site s {\n  pue 1.2\n}\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("t.carbon(2,7): error CB1001: Unexpected '1'; expected '='.", error.ToMsBuildString());
    }

    [Fact]
    public void Budgets_parse_with_level_scope_metric_change_and_limit()
    {
        var (unit, diagnostics) = Parse("campaign \"c\" {\n  budget warning model \"32B\" co2e change <= +10 %\n}\n");

        Assert.Empty(diagnostics);
        var budget = Assert.IsType<BudgetItem>(
            Assert.Single(Assert.IsType<BlockItem>(Assert.Single(unit.Items)).Members));
        Assert.Equal(BudgetLevel.Warning, budget.Level);
        Assert.Equal("32B", budget.Model!.Value);
        Assert.Equal("co2e", budget.Metric.Text);
        Assert.True(budget.IsChange);
    }

    [Fact]
    public void The_parser_never_throws_on_random_input()
    {
        var random = new Random(20261204);
        const string Alphabet = "site hardware campaign stage run let import budget " +
            "{ } ( ) = + - * / . , ; : % ^ \" \\ \n 1 2.5 e GPU h kWh _ x // /* */ \t";
        var tokens = Alphabet.Split(' ');
        for (int i = 0; i < 2_000; i++)
        {
            var text = string.Join(random.Next(2) == 0 ? " " : "",
                Enumerable.Range(0, random.Next(1, 40)).Select(_ => tokens[random.Next(tokens.Length)]));
            var exception = Record.Exception(() => CarbonCompilation.Create(new SourceText("r.carbon", text)));
            Assert.True(exception is null, $"input {text!.ReplaceLineEndings("\\n")} threw {exception}");
        }
    }
}
