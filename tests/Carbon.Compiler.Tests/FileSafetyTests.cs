namespace Carbon.Compiler.Tests;

/// <summary>
/// What carbonc reads and writes on disk: regular files only, inside the project with links resolved,
/// and never over a file the compilation read. Found by adversarial testing; each case is a regression.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("carbonc-files-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void An_import_through_a_linked_directory_outside_the_project_is_refused()
    {
        Write("outside/secret.carbon", "let secret = 5 kWh\n");
        Write("project/main.carbon", "import \"evil/secret.carbon\"\n");
        Directory.CreateSymbolicLink(Path.Combine(dir, "project", "evil"), Path.Combine(dir, "outside"));

        var (exit, _, stderr) = CliTests.Run(dir, "check", "project/main.carbon");

        Assert.Equal(2, exit);
        Assert.Contains("error CB7001", stderr, StringComparison.Ordinal);
        Assert.Contains("outside the project directory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_of_a_device_is_refused_without_reading_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Write("project/main.carbon", "import \"dev/zero\"\n");
        Directory.CreateSymbolicLink(Path.Combine(dir, "project", "dev"), "/dev");

        var (exit, _, stderr) = CliTests.Run(dir, "check", "project/main.carbon");

        Assert.Equal(2, exit);
        Assert.Contains("error CB7001", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_never_replaces_a_link_an_imported_file_or_a_device()
    {
        string main = Write("main.carbon", File.ReadAllText(Path.Combine(TestPaths.Examples, "olmo3.carbon"))
            .Replace("hardware mi300x : mi300x { }", "import \"shared.inc\"", StringComparison.Ordinal));
        string shared = Write("shared.inc", "hardware mi300x : mi300x { }\n");
        File.CreateSymbolicLink(Path.Combine(dir, "link.json"), main);

        var toLink = CliTests.Run(dir, "report", "main.carbon", "--format", "json", "-o", "link.json");
        var toImport = CliTests.Run(dir, "report", "main.carbon", "--format", "json", "-o", "shared.inc");
        var toDevice = CliTests.Run(dir, "report", "main.carbon", "--format", "json", "-o", "/dev/null");
        var empty = CliTests.Run(dir, "report", "main.carbon", "-o", "");

        Assert.All(new[] { toLink, toImport, toDevice }, r => Assert.Equal(2, r.Exit));
        Assert.All(new[] { toLink, toImport, toDevice }, r => Assert.Contains("error CB0002", r.Err, StringComparison.Ordinal));
        Assert.Equal(2, empty.Exit);
        Assert.DoesNotContain("   at ", empty.Err, StringComparison.Ordinal);
        Assert.Equal("hardware mi300x : mi300x { }\n", File.ReadAllText(shared));
        Assert.NotNull(new FileInfo(Path.Combine(dir, "link.json")).LinkTarget);
    }
}
