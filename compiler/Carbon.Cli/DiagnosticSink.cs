using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Carbon.Compiler.Diagnostics;

namespace Carbon.Cli;

/// <summary>How diagnostics are printed: MSBuild lines, GitHub Actions workflow commands, or SARIF 2.1.0.</summary>
internal enum DiagnosticFormat
{
    MsBuild,
    GitHub,
    Sarif,
}

/// <summary>
/// Prints the diagnostics of a command in the chosen format and keeps them for a SARIF log. MSBuild lines go to
/// standard error; GitHub workflow commands to <c>annotations</c> (standard output unless that carries a diff);
/// SARIF is written once at the end, since it is one JSON document.
/// </summary>
internal sealed class DiagnosticSink(DiagnosticFormat format, TextWriter annotations, TextWriter stderr)
{
    public static readonly string[] FormatNames = ["msbuild", "github", "sarif"];

    private readonly List<(Diagnostic Diagnostic, string? Path)> all = [];

    public DiagnosticFormat Format => format;

    /// <summary>The format named on the command line, else GitHub's when running in GitHub Actions.</summary>
    public static DiagnosticFormat Choose(string? name) => name switch
    {
        "msbuild" => DiagnosticFormat.MsBuild,
        "github" => DiagnosticFormat.GitHub,
        "sarif" => DiagnosticFormat.Sarif,
        _ => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? DiagnosticFormat.GitHub
            : DiagnosticFormat.MsBuild,
    };

    /// <summary>Prints diagnostics in source order; <paramref name="path"/> gives the path to show for each.</summary>
    public void Add(IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, string?>? path = null)
    {
        foreach (var d in diagnostics
            .OrderBy(d => d.Source?.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            string? shown = path?.Invoke(d);
            all.Add((d, shown ?? d.Source?.Path));
            switch (format)
            {
                case DiagnosticFormat.MsBuild:
                    stderr.WriteLine(d.ToMsBuildString(shown));
                    break;
                case DiagnosticFormat.GitHub:
                    annotations.WriteLine(GitHubCommand(d, shown ?? d.Source?.Path));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A diagnostic about the command rather than a file.</summary>
    public void Error(DiagnosticDescriptor descriptor, params object[] args)
    {
        var bag = new DiagnosticBag();
        bag.Report(descriptor, null, default, args);
        Add(bag.Items);
    }

    /// <summary>Writes the SARIF log to standard output (format sarif) and to <paramref name="sarifPath"/>.</summary>
    public bool Finish(TextWriter stdout, string? sarifPath, IEnumerable<string> inputs)
    {
        if (format == DiagnosticFormat.Sarif)
        {
            stdout.Write(Sarif());
        }

        return sarifPath is null || Output.WriteFile(stderr, sarifPath, Sarif(), inputs);
    }

    /// <summary><c>::error file=F,line=L,col=C,endLine=…,endColumn=…,title=CODE::message</c>.</summary>
    internal static string GitHubCommand(Diagnostic d, string? path)
    {
        string level = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var props = new List<string>();
        if (d.Source is not null && path is not null)
        {
            var s = d.Start;
            var e = d.End;
            props.Add("file=" + EscapeProperty(path.Replace('\\', '/')));
            props.Add(FormattableString.Invariant($"line={s.Line}"));
            props.Add(FormattableString.Invariant($"col={s.Column}"));
            props.Add(FormattableString.Invariant($"endLine={e.Line}"));
            if (e.Line == s.Line)
            {
                props.Add(FormattableString.Invariant($"endColumn={e.Column}"));
            }
        }

        props.Add("title=" + EscapeProperty(d.Code + " " + d.Descriptor.Title));
        return "::" + level + " " + string.Join(',', props) + "::" + EscapeData(d.Code + ": " + d.Message);
    }

    // GitHub's escaping of workflow commands: data escapes % CR LF; properties also : and ,.
    private static string EscapeData(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private string Sarif()
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "carbonc");
            w.WriteString("version", typeof(DiagnosticSink).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            w.WriteStartArray("rules");
            foreach (var rule in all.Select(x => x.Diagnostic.Descriptor).DistinctBy(d => d.Code)
                .OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Code);
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var (d, path) in all)
            {
                WriteResult(w, d, path);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d, string? path)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Code);
        w.WriteString("level", d.Severity switch { Severity.Error => "error", Severity.Warning => "warning",
            _ => "note" });
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();
        if (d.Source is not null && path is not null)
        {
            var s = d.Start;
            var e = d.End;
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", ToUri(path));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", s.Line);
            w.WriteNumber("startColumn", s.Column);
            w.WriteNumber("endLine", e.Line);
            w.WriteNumber("endColumn", e.Column);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>A relative path stays relative (code scanning resolves it against the checkout); an absolute one
    /// becomes a file URI.</summary>
    private static string ToUri(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : Uri.EscapeDataString(path.Replace('\\', '/'))
            .Replace("%2F", "/", StringComparison.Ordinal);
}
