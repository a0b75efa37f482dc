using Carbon.LanguageServer;

// The protocol owns standard output: anything else that writes to the console goes to standard error.
var stdout = Console.OpenStandardOutput();
var stdin = Console.OpenStandardInput();
Console.SetOut(Console.Error);

if (args.Contains("--version"))
{
    Console.Error.WriteLine("carbon-lsp " + typeof(Server).Assembly.GetName().Version);
    return 0;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.Error.WriteLine("carbon-lsp: the .carbon language server. " +
        "It speaks the Language Server Protocol on standard input and output;");
    Console.Error.WriteLine("start it from an editor. Options: --stdio (accepted; the only transport), --version.");
    return 0;
}

var server = Server.Start(stdin, stdout, Console.Error);
try
{
    await Task.WhenAny(server.Completion, server.Exited);
}
catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
{
    Console.Error.WriteLine("[carbon-lsp] connection closed: " + ex.Message);
}

return server.ExitCode;
