using Carbon.Compiler;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Text;

namespace Carbon.Cli;

/// <summary>Loads a campaign file from disk and compiles it, reporting unreadable files as diagnostics.</summary>
internal static class CompilerDriver
{
    public static CarbonCompilation? Compile(string path, string? projectDirectory, TextWriter err)
    {
        string? text = ReadSource(path, err);
        if (text is null)
        {
            return null;
        }

        var source = new SourceText(path, text);
        string project = projectDirectory ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return CarbonCompilation.Create(source, new FileSystemResolver(project), project);
    }

    public static string? ReadSource(string path, TextWriter err)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                Output.Error(err, DiagnosticCatalog.FileNotReadable, path, Directory.Exists(path) ? "it is a directory." : "no such file.");
                return null;
            }

            if (info.Length > Carbon.Compiler.Parsing.Limits.MaxFileLength)
            {
                Output.Error(err, DiagnosticCatalog.FileNotReadable, path, $"it is larger than {Carbon.Compiler.Parsing.Limits.MaxFileLength} bytes.");
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Output.Error(err, DiagnosticCatalog.FileNotReadable, path, ex.Message);
            return null;
        }
    }
}
