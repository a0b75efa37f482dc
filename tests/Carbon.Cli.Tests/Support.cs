using System.Diagnostics;
using System.Text;

namespace Carbon.Cli.Tests;

/// <summary>The result of one run of carbonc: exit code, standard output and standard error.</summary>
internal sealed record CliResult(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

internal static class Cli
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "examples");

    /// <summary>Runs the command line in this process. Diagnostics are asked for in MSBuild form so a CI
    /// environment (GITHUB_ACTIONS=true) does not change what the tests read.</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = CommandLine.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built carbonc as a process, for exit codes and the environment it reads.</summary>
    public static CliResult Process(IDictionary<string, string?>? env, string workingDirectory, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "carbonc.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            psi.Environment[k] = v;
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new CliResult(p.ExitCode, o.Result, e.Result);
    }

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

/// <summary>A throw-away directory under the temp path, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(),
            "carbonc-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            // git marks its objects read-only; clear that so the tree can be deleted.
            foreach (var f in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(f, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A real git repository in a temporary directory, driven through the git program.</summary>
internal sealed class TempRepo : IDisposable
{
    private readonly TempDir dir = new();

    public TempRepo()
    {
        Git("init", "-q", "-b", "main");
        Git("config", "user.name", "Carbon Tests");
        Git("config", "user.email", "tests@example.invalid");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => dir.Path;

    public string Write(string relative, string text) => dir.Write(relative, text);

    /// <summary>Stages everything and commits; returns the commit id.</summary>
    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public string Git(params string[] args) => RunGit(Path, args);

    public static string RunGit(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        string e = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {e}");
        }

        return o.Result;
    }

    public void Dispose() => dir.Dispose();
}
