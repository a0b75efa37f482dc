namespace Carbon.LanguageServer.Tests;

/// <summary>Locates the repository from the test's output directory.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "examples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dsl.sln not found above the test directory.");
    }
}
