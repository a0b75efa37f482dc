using Carbon.Compiler;
using Carbon.Compiler.Parsing;

namespace Carbon.Cli;

/// <summary>Reads imported files from disk, refusing links that lead outside the project directory.</summary>
internal sealed class FileSystemResolver(string projectDirectory) : ISourceResolver
{
    private readonly string project = Path.GetFullPath(projectDirectory);

    public string? Read(string fullPath, out string error)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                error = "no such file.";
                return null;
            }

            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                string rel = Path.GetRelativePath(project, target.FullName);
                if (rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel))
                {
                    error = "it is a link to a file outside the project directory.";
                    return null;
                }
            }

            if (info.Length > Limits.MaxFileLength)
            {
                error = $"it is larger than {Limits.MaxFileLength} bytes.";
                return null;
            }

            error = "";
            return File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }
}
