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
        string? text = FileSystemResolver.ReadRegularFile(path, out string error);
        if (text is null)
        {
            Output.Error(err, DiagnosticCatalog.FileNotReadable, path, error);
        }

        return text;
    }
}
