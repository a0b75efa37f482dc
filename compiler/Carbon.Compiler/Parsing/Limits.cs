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
}
