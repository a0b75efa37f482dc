using System.Globalization;
using System.Text;
using System.Text.Json;
using Nerdbank.Streams;

namespace Carbon.LanguageServer.Tests;

/// <summary>
/// Talks to an in-process server byte by byte, so tests can send what no well-behaved client would:
/// bodies that are not JSON, unknown methods, requests out of order.
/// </summary>
internal sealed class RawConnection : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly List<JsonElement> received = [];
    private readonly SemaphoreSlim arrived = new(0);
    private readonly Task reader;

    private RawConnection(Server server, Stream stream, StringWriter stderr)
    {
        Server = server;
        this.stream = stream;
        Stderr = stderr;
        reader = Task.Run(ReadLoop);
    }

    public Server Server { get; }

    public StringWriter Stderr { get; }

    public static RawConnection Connect()
    {
        var (serverSide, clientSide) = FullDuplexStream.CreatePair();
        var stderr = new StringWriter();
        var server = Server.Start(serverSide, serverSide, TextWriter.Synchronized(stderr),
            TimeSpan.FromMilliseconds(20));
        return new RawConnection(server, clientSide, stderr);
    }

    public async Task SendRawAsync(string body)
    {
        byte[] content = Encoding.UTF8.GetBytes(body);
        byte[] header = Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n\r\n"));
        await stream.WriteAsync(header);
        await stream.WriteAsync(content);
        await stream.FlushAsync();
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public Task RequestAsync(int id, string method, object? parameters) =>
        SendAsync(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters,
        });

    public Task NotifyAsync(string method, object? parameters) =>
        SendAsync(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters,
        });

    /// <summary>Waits for the response to request <paramref name="id"/>.</summary>
    public async Task<JsonElement> ResponseAsync(int id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (received)
            {
                foreach (var m in received)
                {
                    if (m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id
                        && !m.TryGetProperty("method", out _))
                    {
                        return m;
                    }
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No response to request {id}. Server log:\n{Stderr}");
            }
        }
    }

    public async Task InitializeAsync(int id = 1)
    {
        await RequestAsync(id, "initialize",
            new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } });
        await ResponseAsync(id);
        await NotifyAsync("initialized", new { });
    }

    public async ValueTask DisposeAsync()
    {
        Server.Dispose();
        await stream.DisposeAsync();
        try
        {
            await reader;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException
            or InvalidOperationException)
        {
            // The stream closed under the reader, which is how it ends.
        }
    }

    private async Task ReadLoop()
    {
        var buffer = new List<byte>();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            int n = await stream.ReadAsync(chunk);
            if (n == 0)
            {
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, n));
            while (TryTakeMessage(buffer, out var message))
            {
                lock (received)
                {
                    received.Add(message);
                }

                arrived.Release();
            }
        }
    }

    private static bool TryTakeMessage(List<byte> buffer, out JsonElement message)
    {
        message = default;
        var bytes = buffer.ToArray();
        string head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256));
        int end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        int length = int.Parse(
            head[..end].Split("\r\n")
                .First(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))[15..].Trim(),
            CultureInfo.InvariantCulture);
        if (bytes.Length < end + 4 + length)
        {
            return false;
        }

        using var doc = JsonDocument.Parse(bytes.AsMemory(end + 4, length));
        message = doc.RootElement.Clone();
        buffer.RemoveRange(0, end + 4 + length);
        return true;
    }
}
