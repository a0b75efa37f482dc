using System.Text;
using Carbon.Compiler.Diagnostics;

namespace Carbon.Cli;

/// <summary>Exit codes, diagnostics on standard error, and files written whole or not at all.</summary>
internal static class Output
{
    public const int Ok = 0;
    public const int OverBudget = 1;
    public const int InputErrors = 2;
    public const int InternalError = 3;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Diagnostics(TextWriter err, IEnumerable<Diagnostic> diagnostics, bool warnings = true)
    {
        foreach (var d in diagnostics
            .Where(d => warnings || d.Severity == Severity.Error)
            .OrderBy(d => d.Source?.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            err.WriteLine(d.ToMsBuildString());
        }
    }

    public static void Error(TextWriter err, DiagnosticDescriptor descriptor, params object[] args)
    {
        var bag = new DiagnosticBag();
        bag.Report(descriptor, null, default, args);
        err.WriteLine(bag.Items[0].ToMsBuildString());
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file and a rename,
    /// so a failure never leaves a partial file. Refuses to overwrite a <c>.carbon</c> source.
    /// </summary>
    public static bool WriteFile(TextWriter err, string path, string text, IEnumerable<string> inputs)
    {
        string full = Path.GetFullPath(path);
        if (full.EndsWith(".carbon", StringComparison.OrdinalIgnoreCase)
            || inputs.Any(i => string.Equals(FileKinds.RealPath(i), FileKinds.RealPath(full),
            StringComparison.Ordinal)))
        {
            Error(err, DiagnosticCatalog.OutputRefused, path,
                "it is a campaign source file; choose another output path.");
            return false;
        }

        switch (FileKinds.Of(full))
        {
            case FileKinds.Kind.Directory:
                Error(err, DiagnosticCatalog.OutputRefused, path, "it is a directory.");
                return false;
            case FileKinds.Kind.SymbolicLink:
                Error(err, DiagnosticCatalog.OutputRefused, path, "it is a symbolic link; name the file itself.");
                return false;
            case FileKinds.Kind.Other:
                Error(err, DiagnosticCatalog.OutputRefused, path,
                "it is a device, pipe or socket, not a regular file.");
                return false;
        }

        string dir = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8]
            + ".tmp");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(temp, text, Utf8NoBom);
            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            Error(err, DiagnosticCatalog.OutputRefused, path, ex.Message);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
