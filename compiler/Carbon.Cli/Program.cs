using System.Globalization;
using Carbon.Cli;
using Carbon.Compiler.Diagnostics;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
try
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    // Never a stack trace for the user; the message says what broke.
    Output.Error(Console.Error, DiagnosticCatalog.InternalError, ex.GetType().Name + ": " + ex.Message);
    return Output.InternalError;
}
