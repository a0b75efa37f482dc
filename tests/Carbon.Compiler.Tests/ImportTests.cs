using Carbon.Cli;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Tests;

/// <summary>
/// Imports through the command line's <see cref="FileSystemResolver"/>: relative to the importing file,
/// never outside the project directory, never in a cycle.
/// </summary>
public sealed class ImportTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("carbon-imports-").FullName;

    private string Project => Path.Combine(root, "project");

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private CarbonCompilation Compile(string relative)
    {
        string path = Path.Combine(root, relative);
        // Shown as the command line shows it: relative to where carbonc runs, imports likewise.
        return CarbonCompilation.Create(new SourceText(relative, File.ReadAllText(path)),
            new FileSystemResolver(Project),
            Project, path);
    }

    private const string Site = "site dc { pue = 1.2  grid = 0.4 kgCO2e/kWh  water_offsite = 1 L/kWh }\n";

    private const string Campaign =
        "campaign \"c\" { site = dc  stage s : pretraining { run final { it_energy = 10 MWh } } }\n";

    [Fact]
    public void An_import_inside_the_project_brings_its_sites_into_scope()
    {
        Write("project/shared/sites.carbon", Site);
        Write("project/main.carbon", "import \"shared/sites.carbon\"\n" + Campaign);
        var compilation = Compile("project/main.carbon");
        Assert.Empty(compilation.Diagnostics);
        var report = compilation.Run().Report!.Campaigns.Single();
        Assert.Equal(10_000 * 1.2 * 0.4, report.Totals.Co2eTotalKg, 9);
        Assert.StartsWith("project/shared/sites.carbon(1,", report.Constants.Single(k => k.Name == "dc.pue").Source,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_is_relative_to_the_importing_file()
    {
        Write("project/shared/sites.carbon", "import \"more/hardware.carbon\"\n" + Site);
        Write("project/shared/more/hardware.carbon", "hardware gpu { tdp = 400 W/GPU }\n");
        Write("project/main.carbon", "import \"shared/sites.carbon\"\n" +
            "campaign \"c\" { site = dc  hardware = gpu\n" +
            "  stage s : pretraining { run final { gpu_time = 10 GPU*h } } }\n");
        var compilation = Compile("project/main.carbon");
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(4 * 1.2, compilation.Interpret()!.Campaigns.Single().Totals.FacilityKwh, 9);
    }

    [Fact]
    public void An_import_outside_the_project_is_CB7002()
    {
        Write("x.carbon", Site);
        Write("project/main.carbon", "import \"../x.carbon\"\n" + Campaign);
        var compilation = Compile("project/main.carbon");
        var d = Assert.Single(compilation.Diagnostics, d => d.Code == "CB7002");
        Assert.Equal((1, 8), (d.Start.Line, d.Start.Column));
        Assert.True(compilation.HasErrors);
    }

    [Fact]
    public void An_import_that_climbs_out_and_back_in_is_still_inside()
    {
        Write("project/shared/sites.carbon", Site);
        Write("project/main.carbon", "import \"../project/shared/sites.carbon\"\n" + Campaign);
        Assert.Empty(Compile("project/main.carbon").Diagnostics);
    }

    [Fact]
    public void An_absolute_import_is_CB7002()
    {
        Write("project/shared/sites.carbon", Site);
        string absolute = Path.Combine(Project, "shared", "sites.carbon").Replace('\\', '/');
        Write("project/main.carbon", $"import \"{absolute}\"\n" + Campaign);
        Assert.Contains(Compile("project/main.carbon").Diagnostics, d => d.Code == "CB7002");
    }

    [Fact]
    public void A_link_to_a_file_outside_the_project_cannot_be_read()
    {
        Write("secret.carbon", Site);
        Directory.CreateDirectory(Project);
        File.CreateSymbolicLink(Path.Combine(Project, "sites.carbon"), Path.Combine(root, "secret.carbon"));
        Write("project/main.carbon", "import \"sites.carbon\"\n" + Campaign);
        var d = Assert.Single(Compile("project/main.carbon").Diagnostics, d => d.Code == "CB7001");
        Assert.Contains("outside the project", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_cycle_is_CB7003_at_the_import_that_closes_it()
    {
        Write("project/a.carbon", "import \"b.carbon\"\nlet x = 1\n");
        Write("project/b.carbon", "let y = 2\nimport \"a.carbon\"\n");
        Write("project/main.carbon", Site + "import \"a.carbon\"\n" + Campaign);
        var compilation = Compile("project/main.carbon");
        var d = Assert.Single(compilation.Diagnostics, d => d.Code == "CB7003");
        Assert.Equal("project/b.carbon", d.Source!.Path);
        Assert.Equal((2, 8), (d.Start.Line, d.Start.Column));
    }

    [Fact]
    public void A_file_that_imports_itself_is_CB7003()
    {
        Write("project/main.carbon", "import \"main.carbon\"\n" + Site + Campaign);
        Assert.Contains(Compile("project/main.carbon").Diagnostics, d => d.Code == "CB7003");
    }

    [Fact]
    public void A_missing_import_is_CB7001()
    {
        Write("project/main.carbon", "import \"nowhere.carbon\"\n" + Site + Campaign);
        Assert.Contains(Compile("project/main.carbon").Diagnostics, d => d.Code == "CB7001");
    }
}
