using System.Runtime.InteropServices;

namespace Carbon.Cli;

/// <summary>
/// What kind of file a path names, from <c>lstat</c>: .NET reports devices, pipes and regular files
/// alike, and the compiler must read and write only regular files (a FIFO blocks a read forever,
/// <c>/dev/zero</c> never ends, and renaming over <c>/dev/null</c> would replace it).
/// </summary>
internal static partial class FileKinds
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;
    private const uint Directory = 0x4000;
    private const uint SymbolicLink = 0xA000;

    public enum Kind
    {
        Missing,
        RegularFile,
        Directory,
        SymbolicLink,
        Other,
    }

    /// <summary>The kind of <paramref name="path"/> itself, not following a final symbolic link.</summary>
    public static Kind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere .NET's own view is the best available.
            var info = new FileInfo(path);
            return info.LinkTarget is not null ? Kind.SymbolicLink
                : info.Exists ? Kind.RegularFile
                : System.IO.Directory.Exists(path) ? Kind.Directory
                : Kind.Missing;
        }

        var buffer = new byte[256];
        if (NativeMethods.LStat(path, buffer) != 0)
        {
            return Kind.Missing;
        }

        // struct stat: st_mode follows st_dev, st_ino and (on x86-64) st_nlink.
        int offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        uint mode = BitConverter.ToUInt32(buffer, offset) & TypeMask;
        return mode switch
        {
            Regular => Kind.RegularFile,
            Directory => Kind.Directory,
            SymbolicLink => Kind.SymbolicLink,
            _ => Kind.Other,
        };
    }

    /// <summary>
    /// The path with every symbolic link along it resolved, like <c>realpath</c>, for checking that a
    /// file really lies inside a directory. Missing components are kept as they are.
    /// </summary>
    public static string RealPath(string path, int depth = 0)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full) ?? "/";
        string current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0, hops = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            if (Of(next) == Kind.SymbolicLink && hops++ < 40 && depth < 40)
            {
                var target = new FileInfo(next).LinkTarget!;
                string resolved = Path.GetFullPath(target, current);
                string rest = string.Join(Path.DirectorySeparatorChar, parts.Skip(i + 1));
                return RealPath(rest.Length == 0 ? resolved : Path.Combine(resolved, rest), depth + 1);
            }

            current = next;
        }

        return current;
    }

    public static bool IsInside(string path, string directory)
    {
        string rel = Path.GetRelativePath(directory, path);
        return rel != ".." && !rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(rel);
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int LStat(string path, [Out] byte[] buffer);
    }
}
