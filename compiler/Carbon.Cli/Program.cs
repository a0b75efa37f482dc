using System.Globalization;
using Carbon.Cli;
using Carbon.Compiler.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
try
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}
catch (ArgumentException ex)
{
    // What the framework rejects (an empty path, a path with a NUL) is an error in the input.
    Output.Error(Console.Error, DiagnosticCatalog.BadArgument, ex.Message);
    return Output.InputErrors;
}
catch (Exception ex)
{
    // Never a stack trace for the user; the message says what broke.
    Output.Error(Console.Error, DiagnosticCatalog.InternalError, ex.GetType().Name + ": " + ex.Message);
    return Output.InternalError;
}
