using System.Text;
using Carbon.Compiler;
using Carbon.Compiler.Parsing;

namespace Carbon.Cli;

/// <summary>
/// Reads imported files from disk. A file must really lie inside the project directory, with every
/// symbolic link on its way resolved, and must be a regular file: no device, pipe or socket.
/// </summary>
internal sealed class FileSystemResolver(string projectDirectory) : ISourceResolver
{
    private readonly string project = FileKinds.RealPath(projectDirectory);

    public string? Read(string fullPath, out string error)
    {
        string real = FileKinds.RealPath(fullPath);
        if (!FileKinds.IsInside(real, project))
        {
            error = "it leads, through a link, outside the project directory.";
            return null;
        }

        return ReadRegularFile(real, out error);
    }

    /// <summary>Reads a regular file of at most <see cref="Limits.MaxFileLength"/> bytes, or says why not.</summary>
    public static string? ReadRegularFile(string path, out string error)
    {
        switch (FileKinds.Of(path))
        {
            case FileKinds.Kind.Missing:
                error = "no such file.";
                return null;
            case FileKinds.Kind.Directory:
                error = "it is a directory.";
                return null;
            case FileKinds.Kind.Other:
                error = "it is not a regular file.";
                return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[Math.Min(stream.Length, Limits.MaxFileLength) + 1];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > Limits.MaxFileLength)
            {
                error = $"it is larger than {Limits.MaxFileLength} bytes.";
                return null;
            }

            error = "";
            return DecodeText(buffer.AsSpan(0, total));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }

    // UTF-8 with or without a byte-order mark, as File.ReadAllText reads it.
    private static string DecodeText(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? Encoding.UTF8.GetString(bytes[3..])
            : Encoding.UTF8.GetString(bytes);
}
