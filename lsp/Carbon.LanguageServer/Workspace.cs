using System.Collections.Concurrent;

namespace Carbon.LanguageServer;

/// <summary>
/// The open documents and their analyses. Each document has one current entry: its latest snapshot
/// with a lazily started analysis. The analysis starts when a request needs it or when the document
/// has been quiet for <see cref="Debounce"/>, whichever comes first; when it finishes and is still
/// current, <see cref="Analysed"/> is raised once (to publish diagnostics and refresh estimates).
/// Stale snapshots are never analysed unless a request still asks about one.
/// </summary>
public sealed class Workspace
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DocumentAnalysis> lastCompleted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> running = new(StringComparer.Ordinal);

    public DocumentStore Documents { get; } = new();

    /// <summary>Workspace folders: imports may reach anywhere inside the folder that holds the document.</summary>
    public IReadOnlyList<string> Roots { get; set; } = [];

    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(75);

    /// <summary>Raised once per current entry when its analysis completes.</summary>
    public event Action<DocumentAnalysis>? Analysed;

    /// <summary>Raised when an analysis throws; the document then has no analysis until its next change.</summary>
    public event Action<DocumentSnapshot, Exception>? Failed;

    public void Open(DocumentSnapshot snapshot)
    {
        Documents.Set(snapshot);
        Replace(snapshot, TimeSpan.Zero);
        InvalidateDependents(snapshot);
    }

    public void Change(DocumentSnapshot snapshot)
    {
        Documents.Set(snapshot);
        Replace(snapshot, Debounce);
        InvalidateDependents(snapshot);
    }

    public void Close(string uri)
    {
        Documents.Remove(uri);
        lastCompleted.TryRemove(uri, out _);
        lock (running)
        {
            running.Remove(uri);
        }

        if (entries.TryRemove(uri, out var entry))
        {
            entry.CancelDebounce();
        }

        // Documents that imported the closed one now read it from disk.
        if (Uris.ToFilePath(uri) is { } path)
        {
            InvalidateDependents(path, uri);
        }
    }

    /// <summary>Re-analyses every open document, e.g. after the configuration changed.</summary>
    public void InvalidateAll()
    {
        foreach (var doc in Documents.All)
        {
            Replace(doc, Debounce);
        }
    }

    /// <summary>
    /// The analysis of a snapshot: shared when the snapshot is current, computed afresh for an old one.
    /// </summary>
    public Task<DocumentAnalysis> GetAnalysisAsync(DocumentSnapshot snapshot)
    {
        if (entries.TryGetValue(snapshot.Uri, out var entry) && ReferenceEquals(entry.Snapshot, snapshot))
        {
            entry.Requested = true;
            return entry.Analysis.Value;
        }

        return Task.Run(() => DocumentAnalysis.Create(snapshot, Documents, Roots));
    }

    /// <summary>The most recent analysis that finished for a document, of whatever version.</summary>
    public DocumentAnalysis? LastCompleted(string uri) => lastCompleted.GetValueOrDefault(uri);

    private void Replace(DocumentSnapshot snapshot, TimeSpan delay)
    {
        var entry = new Entry(snapshot);
        entry.Analysis = new Lazy<Task<DocumentAnalysis>>(() => Start(entry),
            LazyThreadSafetyMode.ExecutionAndPublication);
        if (entries.TryGetValue(snapshot.Uri, out var old))
        {
            old.CancelDebounce();
        }

        entries[snapshot.Uri] = entry;
        if (delay == TimeSpan.Zero)
        {
            _ = entry.Analysis.Value;
            return;
        }

        var token = entry.Debounce.Token;
        _ = Task.Delay(delay, token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled && IsCurrent(entry))
                {
                    _ = entry.Analysis.Value;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // Analyses of one document run one after another: the compiler cannot be interrupted, so on a
    // large file a burst of edits would otherwise start a compilation per pause. When its turn comes,
    // an analysis that is no longer current and that no request waits for is skipped.
    private Task<DocumentAnalysis> Start(Entry entry)
    {
        Task<DocumentAnalysis> task;
        lock (running)
        {
            var previous = running.GetValueOrDefault(entry.Snapshot.Uri) ?? Task.CompletedTask;
            task = previous.ContinueWith(
                _ =>
                {
                    if (!entry.Requested && !IsCurrent(entry))
                    {
                        throw new OperationCanceledException(
                            "A newer version replaced this one before its analysis started.");
                    }

                    return DocumentAnalysis.Create(entry.Snapshot, Documents, Roots);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            running[entry.Snapshot.Uri] = task;
        }

        _ = task.ContinueWith(
            t =>
            {
                if (t.IsCanceled)
                {
                    return;
                }

                if (t.IsFaulted)
                {
                    Failed?.Invoke(entry.Snapshot, t.Exception!.GetBaseException());
                    return;
                }

                if (!IsCurrent(entry))
                {
                    return;
                }

                lastCompleted[entry.Snapshot.Uri] = t.Result;
                Analysed?.Invoke(t.Result);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    private bool IsCurrent(Entry entry) =>
        entries.TryGetValue(entry.Snapshot.Uri, out var now) && ReferenceEquals(now, entry);

    private void InvalidateDependents(DocumentSnapshot changed)
    {
        if (changed.FilePath is { } path)
        {
            InvalidateDependents(path, changed.Uri);
        }
    }

    // Another open document that imported the changed file (as of its last analysis) is analysed again.
    private void InvalidateDependents(string path, string changedUri)
    {
        foreach (var (uri, analysis) in lastCompleted)
        {
            if (uri == changedUri || analysis.ProjectDirectory is not { } project)
            {
                continue;
            }

            bool imports = analysis.Compilation.Model.Files.Any(f =>
                f.IsImport && string.Equals(Path.GetFullPath(Path.Combine(project, f.Source.Path)), path,
                    StringComparison.Ordinal));
            if (imports && Documents.Get(uri) is { } doc)
            {
                Replace(doc, Debounce);
            }
        }
    }

    private sealed class Entry(DocumentSnapshot snapshot)
    {
        public DocumentSnapshot Snapshot { get; } = snapshot;

        public CancellationTokenSource Debounce { get; } = new();

        public Lazy<Task<DocumentAnalysis>> Analysis { get; set; } = null!;

        /// <summary>
        /// True once a request waits for this analysis: it then runs even if a newer version arrives.
        /// </summary>
        public bool Requested { get; set; }

        public void CancelDebounce()
        {
            try
            {
                Debounce.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already finished with; nothing to cancel.
            }
        }
    }
}
