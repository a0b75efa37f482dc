using System.Collections.Concurrent;
using Carbon.Compiler.Text;
using Carbon.LanguageServer.Protocol;

namespace Carbon.LanguageServer;

/// <summary>One version of an open document. Immutable, so a request can keep using it while edits arrive.</summary>
public sealed class DocumentSnapshot
{
    public DocumentSnapshot(string uri, int version, string text)
    {
        Uri = uri;
        Version = version;
        FilePath = Uris.ToFilePath(uri);

        // SourceText drops a byte-order mark, which the client counts as a character: a space keeps
        // every later position where the client expects it.
        RawText = text;
        Text = new SourceText(FilePath ?? uri, text.Length > 0 && text[0] == '\uFEFF' ? " " + text[1..] : text);
    }

    public string Uri { get; }

    public int Version { get; }

    /// <summary>The local path of a <c>file:</c> URI; null for other schemes such as <c>untitled:</c>.</summary>
    public string? FilePath { get; }

    public string RawText { get; }

    public SourceText Text { get; }

    /// <summary>
    /// Applies the changes of one <c>didChange</c> in order, each against the text left by the one before.
    /// </summary>
    public DocumentSnapshot With(int version, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        string text = RawText;
        var source = Text;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = change.Text ?? "";
            }
            else
            {
                int start = Positions.ToOffset(source, change.Range.Start);
                int end = Positions.ToOffset(source, change.Range.End);
                if (end < start)
                {
                    (start, end) = (end, start);
                }

                text = string.Concat(text.AsSpan(0, start), change.Text ?? "", text.AsSpan(end));
            }

            source = new SourceText(FilePath ?? Uri, text);
        }

        return new DocumentSnapshot(Uri, version, text);
    }
}

/// <summary>
/// The open documents, each with its latest snapshot. Thread-safe; snapshots are replaced, never changed.
/// </summary>
public sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, DocumentSnapshot> documents = new(StringComparer.Ordinal);

    public DocumentSnapshot? Get(string uri) => documents.GetValueOrDefault(uri);

    public IEnumerable<DocumentSnapshot> All => documents.Values;

    public void Set(DocumentSnapshot snapshot) => documents[snapshot.Uri] = snapshot;

    public bool Remove(string uri) => documents.TryRemove(uri, out _);

    /// <summary>The open document whose file is at <paramref name="fullPath"/>, if any.</summary>
    public DocumentSnapshot? ByPath(string fullPath) =>
        documents.Values.FirstOrDefault(d =>
            d.FilePath is not null && string.Equals(d.FilePath, fullPath, StringComparison.Ordinal));
}

/// <summary>Conversions between <c>file:</c> URIs and paths.</summary>
public static class Uris
{
    public static string? ToFilePath(string uri)
    {
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string FromFilePath(string path) => new System.Uri(Path.GetFullPath(path)).AbsoluteUri;
}
