using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Carbon.LanguageServer;

/// <summary>
/// The LSP framing (Content-Length headers) of StreamJsonRpc, made to survive a message whose body is
/// not JSON or not JSON-RPC: that message is logged and skipped instead of closing the connection.
/// A request that arrives malformed has no id the server could answer to, so skipping is all it can do.
/// </summary>
internal sealed class TolerantMessageHandler(
    Stream writer, Stream reader, IJsonRpcMessageFormatter formatter, Logger log)
    : HeaderDelimitedMessageHandler(writer, reader, formatter)
{
    // After this many malformed messages in a row, the stream itself is assumed broken.
    private const int MaxConsecutiveFailures = 100;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        for (int failures = 0; ; failures++)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken);
            }
            catch (Exception ex) when (failures < MaxConsecutiveFailures && IsMalformedMessage(ex))
            {
                log.Error($"Skipped a malformed message: {ex.GetBaseException().Message}");
            }
        }
    }

    private static bool IsMalformedMessage(Exception ex) =>
        ex is System.Text.Json.JsonException or BadRpcHeaderException or FormatException or InvalidOperationException
            or NotSupportedException or ArgumentException
        || ex.InnerException is System.Text.Json.JsonException;
}
