using System.Globalization;
using Carbon.Compiler.Text;

namespace Carbon.Compiler.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>A diagnostic's code, severity and message template; plain data, see <see
/// cref="DiagnosticCatalog"/>.</summary>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string MessageFormat);

/// <summary>A secondary location that helps explain a diagnostic ("declared here").</summary>
public sealed record RelatedLocation(SourceText Source, TextSpan Span, string Message);

/// <summary>One message about a source file, located by span.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    SourceText? Source,
    TextSpan Span,
    string Message,
    RelatedLocation? Related = null)
{
    public string Code => Descriptor.Code;

    public Severity Severity => Descriptor.Severity;

    public LinePosition Start => Source?.GetPosition(Span.Start) ?? new LinePosition(1, 1);

    public LinePosition End => Source?.GetPosition(Span.End) ?? new LinePosition(1, 1);

    /// <summary>The MSBuild form: <c>path(line,col): error CODE: message</c>.</summary>
    public string ToMsBuildString(string? pathOverride = null)
    {
        string level = Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        // A path from a repository may hold any character; none may start a new line in a CI log.
        string path = new((pathOverride ?? Source?.Path ?? "carbonc").Select(c => char.IsControl(c) ? '?' : c)
            .ToArray());
        if (Source is null)
        {
            return $"{path}: {level} {Code}: {Message}";
        }

        var p = Start;
        return string.Create(CultureInfo.InvariantCulture, $"{path}({p.Line},{p.Column}): {level} {Code}: {Message}");
    }

    public override string ToString() => ToMsBuildString();
}

/// <summary>A growing list of diagnostics with helpers for the common cases.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public void Report(
        DiagnosticDescriptor descriptor,
        SourceText? source,
        TextSpan span,
        RelatedLocation? related,
        params object[] args)
    {
        string message = args.Length == 0
            ? descriptor.MessageFormat
            : string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args);
        items.Add(new Diagnostic(descriptor, source, span, message, related));
    }

    public void Report(DiagnosticDescriptor descriptor, SourceText? source, TextSpan span, params object[] args) =>
        Report(descriptor, source, span, null, args);
}
