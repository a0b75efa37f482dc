using System.Globalization;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer;

/// <summary>
/// Logs to standard error and, once the client is connected, through <c>window/logMessage</c>.
/// Never to standard output, which carries the protocol.
/// </summary>
public sealed class Logger(TextWriter stderr)
{
    private readonly Lock gate = new();

    /// <summary>Sends a <c>window/logMessage</c>; set by the server once initialised.</summary>
    public Action<LogMessageParams>? Client { get; set; }

    public void Info(string message) => Write(MessageType.Info, message);

    public void Warning(string message) => Write(MessageType.Warning, message);

    public void Error(string message) => Write(MessageType.Error, message);

    private void Write(int type, string message)
    {
        string level = type switch
        {
            MessageType.Error => "error",
            MessageType.Warning => "warning",
            _ => "info",
        };
        lock (gate)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[carbon-lsp {DateTime.UtcNow:HH:mm:ss.fff} {level}] {message}"));
            stderr.Flush();
        }

        try
        {
            Client?.Invoke(new LogMessageParams(type, message));
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The connection is closing; standard error already has the message.
        }
    }
}
