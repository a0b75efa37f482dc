namespace Carbon.Compiler.Parsing;

/// <summary>Limits that keep hostile input from exhausting the compiler; each gives a CB9xxx diagnostic.</summary>
public static class Limits
{
    public const int MaxFileLength = 32 * 1024 * 1024;
    public const int MaxNesting = 64;
    public const int MaxNameLength = 128;
    public const int MaxStringLength = 4096;
    public const int MaxNumberLength = 64;
    public const int MaxItems = 1_000_000;
    public const int MaxImportDepth = 16;

    /// <summary>
    /// Blocks (sites, hardware, campaigns, stages, runs, embodied): each report line becomes a member of
    /// the generated program, and lowering plus compiling is linear at about 1 ms a line, so 100,000
    /// blocks bound the worst file to minutes while a 100,000-line campaign (about 43,000 blocks) fits.
    /// </summary>
    public const int MaxBlocks = 100_000;

    /// <summary>How deep binding may recurse, through operators and named values together.</summary>
    public const int MaxBindingDepth = 1_000;

    /// <summary>
    /// Operators chained in one expression (<c>1+1+…</c>, <c>- - -1</c>, <c>a.b.c…</c>) nest the tree
    /// without brackets, so the scanner's bracket count misses them; every later phase recurses on it.
    /// </summary>
    public const int MaxExpressionDepth = 256;
}
