using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Carbon.Compiler;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Parsing;

namespace Carbon.Cli;

/// <summary>A failure of git that ends the command, already phrased as a diagnostic.</summary>
internal sealed class GitException(DiagnosticDescriptor descriptor, params object[] args) : Exception(descriptor.Code)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    public object[] Args { get; } = args;
}

/// <summary>One file of a commit's tree: its path from the repository root and its git mode.</summary>
internal readonly record struct TreeEntry(string Path, string Mode)
{
    /// <summary>A regular file; symbolic links (120000) and submodules are never read.</summary>
    public bool IsRegularFile => Mode is "100644" or "100755";
}

/// <summary>
/// Reads a repository through the <c>git</c> program, never through a shell, and only with commands that read:
/// rev-parse, ls-tree, ls-files, show, diff. GIT_OPTIONAL_LOCKS=0 keeps even those from refreshing the index,
/// so the working tree, the index and every ref stay as they were.
/// </summary>
internal sealed class Git
{
    /// <summary>The git program; CARBONC_GIT overrides it (used by a test of the "git not found" message).</summary>
    private static readonly string Program = Environment.GetEnvironmentVariable("CARBONC_GIT") is { Length: > 0 } p ? p
        : "git";

    private Git(string root) => Root = root;

    /// <summary>The absolute path of the repository's top directory.</summary>
    public string Root { get; }

    /// <summary>Finds the repository containing <paramref name="directory"/>.</summary>
    public static Git Open(string directory)
    {
        string dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            throw new GitException(DiagnosticCatalog.NotAGitRepository, directory);
        }

        var r = Run(dir, "rev-parse", "--show-toplevel");
        if (r.ExitCode != 0 || r.Stdout.Trim().Length == 0)
        {
            throw new GitException(DiagnosticCatalog.NotAGitRepository, directory);
        }

        return new Git(Path.GetFullPath(r.Stdout.TrimEnd('\n', '\r')));
    }

    /// <summary>The full commit id <paramref name="revision"/> names, or a diagnostic saying why there is
    /// none.</summary>
    public string ResolveCommit(string revision)
    {
        // A revision is never taken as an option, whatever it starts with.
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            throw new GitException(DiagnosticCatalog.RevisionNotFound, revision);
        }

        var r = Run(Root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (r.ExitCode == 0)
        {
            return r.Stdout.Trim();
        }

        var shallow = Run(Root, "rev-parse", "--is-shallow-repository");
        if (shallow.ExitCode == 0 && shallow.Stdout.Trim() == "true")
        {
            throw new GitException(DiagnosticCatalog.RevisionMissingShallow, revision);
        }

        throw new GitException(DiagnosticCatalog.RevisionNotFound, revision);
    }

    /// <summary>Every file of a commit, by path.</summary>
    public IReadOnlyDictionary<string, TreeEntry> ListTree(string commit)
    {
        var r = Checked("ls-tree", "-r", "-z", "--full-tree", commit);
        var entries = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        foreach (string record in r.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> SP <type> SP <object> TAB <path>"
            int tab = record.IndexOf('\t', StringComparison.Ordinal);
            string mode = record[..record.IndexOf(' ', StringComparison.Ordinal)];
            string path = record[(tab + 1)..];
            entries[path] = new TreeEntry(path, mode);
        }

        return entries;
    }

    /// <summary>The files of the working tree git knows of or would add (tracked and untracked, not ignored).</summary>
    public IReadOnlyList<string> ListWorkingTree()
    {
        string r = Checked("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name");
        return [.. r.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Where(p => File.Exists(Path.Combine(Root, p)))];
    }

    /// <summary>The text of a file at a commit.</summary>
    public string Show(string commit, string path) => Checked("show", "--no-textconv", commit + ":" + path);

    /// <summary>
    /// Renames of .carbon files between two commits (or a commit and the working tree when
    /// <paramref name="head"/> is null), by git's rename detection.
    /// </summary>
    public IReadOnlyList<(string From, string To)> Renames(string baseCommit, string? head)
    {
        var args = new List<string> { "diff", "--name-status", "-M", "-z", "--no-ext-diff", "--no-textconv",
            baseCommit };
        if (head is not null)
        {
            args.Add(head);
        }

        args.AddRange(["--", "*.carbon"]);
        string r = Checked([.. args]);
        var parts = r.Split('\0');
        var renames = new List<(string, string)>();
        for (int i = 0; i < parts.Length && parts[i].Length > 0;)
        {
            string status = parts[i];
            if (status.StartsWith('R') || status.StartsWith('C'))
            {
                if (status.StartsWith('R'))
                {
                    renames.Add((parts[i + 1], parts[i + 2]));
                }

                i += 3;
            }
            else
            {
                i += 2;
            }
        }

        return renames;
    }

    private string Checked(params string[] args)
    {
        var r = Run(Root, args);
        if (r.ExitCode != 0)
        {
            string why = r.Stderr.Trim();
            throw new GitException(DiagnosticCatalog.GitFailed, string.Join(' ', args), why.Length > 0 ? why
                : $"exit code {r.ExitCode}.");
        }

        return r.Stdout;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo(Program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["GIT_PAGER"] = "cat";
        try
        {
            using var process = Process.Start(psi) ?? throw new GitException(DiagnosticCatalog.GitNotFound,
                "it did not start");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        catch (Win32Exception ex)
        {
            throw new GitException(DiagnosticCatalog.GitNotFound, ex.Message);
        }
    }
}

/// <summary>
/// Reads imports at a past revision with <c>git show</c>. Paths arrive absolute under the repository root (the
/// compiler has already confined them to the project directory); links and files absent at that commit are
/// refused with a reason.
/// </summary>
internal sealed class GitSourceResolver(Git git, string commit, IReadOnlyDictionary<string, TreeEntry> tree)
    : ISourceResolver
{
    public string? Read(string fullPath, out string error)
    {
        string rel = Path.GetRelativePath(git.Root, fullPath).Replace('\\', '/');
        if (rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel))
        {
            error = "it is outside the repository.";
            return null;
        }

        if (!tree.TryGetValue(rel, out var entry))
        {
            error = $"no such file at {commit[..7]}.";
            return null;
        }

        if (!entry.IsRegularFile)
        {
            error = "it is a link or a submodule at " + commit[..7] + "; only regular files are read.";
            return null;
        }

        try
        {
            string text = git.Show(commit, rel);
            if (text.Length > Limits.MaxFileLength)
            {
                error = $"it is larger than {Limits.MaxFileLength} bytes.";
                return null;
            }

            error = "";
            return text;
        }
        catch (GitException ex)
        {
            error = string.Format(System.Globalization.CultureInfo.InvariantCulture, ex.Descriptor.MessageFormat,
                ex.Args);
            return null;
        }
    }
}
