using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Carbon.Compiler.Diff;

/// <summary>
/// The diff as JSON, schema version <see cref="DiffDocument.SchemaVersion"/>, documented in
/// <c>docs/diff-schema.md</c>. Figures are the rounded display figures, so JSON, table and Markdown agree.
/// </summary>
public static class DiffJsonWriter
{
    public static string Write(DiffDocument doc)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("schemaVersion", DiffDocument.SchemaVersion);
            w.WriteString("kind", "carbonc-diff");
            WriteRevision(w, "base", doc.Base);
            WriteRevision(w, "head", doc.Head);
            w.WriteStartObject("units");
            foreach (var m in Rounding.Metrics)
            {
                w.WriteString(Rounding.JsonName(m), Rounding.Unit(m));
            }

            w.WriteEndObject();
            w.WritePropertyName("totals");
            WriteMetrics(w, doc.Totals);
            w.WriteStartArray("files");
            foreach (var f in doc.Files)
            {
                WriteFile(w, f);
            }

            w.WriteEndArray();
            w.WriteStartArray("budgets");
            foreach (var b in doc.Budgets)
            {
                w.WriteStartObject();
                w.WriteString("code", b.Code);
                w.WriteString("level", b.Level);
                w.WriteString("file", b.File);
                w.WriteNumber("line", b.Line);
                w.WriteNumber("column", b.Column);
                w.WriteString("message", b.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteRevision(Utf8JsonWriter w, string name, Revision r)
    {
        w.WriteStartObject(name);
        w.WriteString("revision", r.Name);
        if (r.Commit is null)
        {
            w.WriteNull("commit");
        }
        else
        {
            w.WriteString("commit", r.Commit);
        }

        w.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter w, FileDiff f)
    {
        w.WriteStartObject();
        w.WriteString("path", f.Path);
        WriteNullable(w, "oldPath", f.OldPath);
        w.WriteString("status", DiffText.JsonStatus(f.Status));
        w.WriteBoolean("baseCompiled", f.BaseCompiled);
        w.WriteBoolean("headCompiled", f.HeadCompiled);
        w.WriteStartArray("campaigns");
        foreach (var c in f.Campaigns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("status", DiffText.JsonStatus(c.Status));
            w.WritePropertyName("totals");
            WriteMetrics(w, c.Totals);
            w.WriteStartArray("stages");
            foreach (var s in c.Stages)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                WriteNullable(w, "oldName", s.OldName);
                w.WriteString("kind", s.Kind);
                w.WriteString("status", DiffText.JsonStatus(s.Status));
                w.WritePropertyName("metrics");
                WriteMetrics(w, s.Metrics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("runKinds");
            foreach (var k in c.Kinds)
            {
                w.WriteStartObject();
                w.WriteString("kind", k.JsonName);
                w.WriteString("status", DiffText.JsonStatus(k.Status));
                w.WritePropertyName("metrics");
                WriteMetrics(w, k.Metrics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter w, MetricSet set)
    {
        w.WriteStartObject();
        foreach (var m in set.Items)
        {
            w.WriteStartObject(Rounding.JsonName(m.Metric));
            WriteNumber(w, "before", m.Before);
            WriteNumber(w, "after", m.After);
            WriteNumber(w, "change", m.Change);
            WriteNumber(w, "changePercent", m.Percent);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x)
        {
            // Rounded figures written through decimal so 4250.4 never appears as 4250.400000000001.
            w.WriteNumber(name, (decimal)x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? v)
    {
        if (v is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, v);
        }
    }
}
