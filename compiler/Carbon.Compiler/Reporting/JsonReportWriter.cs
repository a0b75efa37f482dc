using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Evaluation;
using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Reporting;

/// <summary>
/// Writes the JSON report, schema version <see cref="SchemaVersion"/> (documented in
/// <c>docs/report-schema.md</c>). Quantities are in kg, kWh, L and hours, rounded to three decimals,
/// so the same input always gives the same bytes.
/// </summary>
public static class JsonReportWriter
{
    public const string SchemaVersion = "1.0";

    public static string Write(FootprintReport report)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("schemaVersion", SchemaVersion);
            w.WriteString("generator", "carbonc");
            w.WriteStartArray("campaigns");
            foreach (var c in report.Campaigns)
            {
                WriteCampaign(w, c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCampaign(Utf8JsonWriter w, CampaignReport c)
    {
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("file", c.File.Replace('\\', '/'));
        WriteOptional(w, "convention", c.Convention);
        WriteOptional(w, "source", c.Source);
        w.WritePropertyName("totals");
        WriteTotals(w, c.Totals, c.HasMarketBased);
        w.WritePropertyName("byKind");
        WriteByKind(w, c.ByKind, c.HasMarketBased);
        w.WriteStartArray("stages");
        foreach (var s in c.Stages)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("kind", Kinds.JsonName(s.Kind));
            WriteNullable(w, "model", s.Model);
            WriteNullable(w, "variant", s.Variant);
            w.WriteNumber("line", s.Line);
            w.WritePropertyName("totals");
            WriteTotals(w, s.Totals, c.HasMarketBased);
            w.WritePropertyName("byKind");
            WriteByKind(w, s.ByKind, c.HasMarketBased);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("models");
        foreach (var m in c.Models)
        {
            w.WriteStartObject();
            w.WriteString("model", m.Model);
            w.WritePropertyName("totals");
            WriteTotals(w, m.Totals, c.HasMarketBased);
            w.WriteStartArray("variants");
            foreach (var v in m.Variants)
            {
                w.WriteStartObject();
                w.WriteString("variant", v.Variant);
                Number(w, "postTrainingFacilityKwh", v.PostTrainingFacilityKwh);
                w.WritePropertyName("totals");
                WriteTotals(w, v.Totals, c.HasMarketBased);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("lines");
        foreach (var l in c.Lines)
        {
            w.WriteStartObject();
            w.WriteString("name", l.Name);
            w.WriteString("kind", Kinds.JsonName(l.Kind));
            WriteNullable(w, "stage", l.Stage);
            w.WriteNumber("line", l.Line);
            w.WriteNumber("column", l.Column);
            if (!string.IsNullOrEmpty(l.PowerBasis))
            {
                w.WriteString("powerBasis", l.PowerBasis);
            }

            w.WritePropertyName("totals");
            WriteTotals(w, l.Figures, c.HasMarketBased);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteRatios(w, c.Ratios);
        w.WriteStartArray("constants");
        foreach (var k in c.Constants)
        {
            w.WriteStartObject();
            w.WriteString("name", k.Name);
            w.WriteString("value", k.Value);
            w.WriteString("origin", k.Origin);
            w.WriteString("source", k.Source);
            if (k.Year.Length > 0)
            {
                w.WriteString("year", k.Year);
            }

            if (k.Status is { } st)
            {
                w.WriteString("status", StatusName(st));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string StatusName(Status s) => s switch
    {
        Status.Primary => "primary",
        Status.Secondary => "secondary",
        Status.Derived => "derived",
        _ => "unconfirmed",
    };

    private static void WriteRatios(Utf8JsonWriter w, Ratios r)
    {
        w.WriteStartObject("ratios");
        Ratio(w, "finalShareOfGpuHours", r.FinalShareOfGpuHours);
        Ratio(w, "finalShareOfCo2e", r.FinalShareOfCo2e);
        Ratio(w, "developmentMultiplier", r.DevelopmentMultiplier);
        w.WriteString("developmentMultiplierBasis", r.DevelopmentMultiplierBasis);
        Ratio(w, "postTrainingShareOfEnergy", r.PostTrainingShareOfEnergy);
        w.WriteStartArray("reasoningOverInstructPostTrainingEnergy");
        foreach (var v in r.ReasoningOverInstruct)
        {
            w.WriteStartObject();
            w.WriteString("model", v.Model);
            w.WriteString("reasoning", v.Reasoning);
            w.WriteString("instruct", v.Instruct);
            Number(w, "ratio", v.Ratio, 4);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Ratio(Utf8JsonWriter w, string name, double? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            Number(w, name, value.Value, 6);
        }
    }

    private static void WriteByKind(Utf8JsonWriter w, IReadOnlyList<KindTotals> kinds, bool market)
    {
        w.WriteStartObject();
        foreach (var k in kinds)
        {
            w.WritePropertyName(k.JsonName);
            WriteTotals(w, k.Totals, market);
        }

        w.WriteEndObject();
    }

    internal static void WriteTotals(Utf8JsonWriter w, Figures f, bool market)
    {
        w.WriteStartObject();
        Number(w, "gpuHours", f.GpuHours);
        w.WriteStartObject("energyKwh");
        Number(w, "accelerator", f.AcceleratorKwh);
        Number(w, "it", f.ItKwh);
        Number(w, "facility", f.FacilityKwh);
        w.WriteEndObject();
        w.WriteStartObject("co2eKg");
        Number(w, "operational", f.Co2eOperationalKg);
        Number(w, "embodied", f.Co2eEmbodiedKg);
        Number(w, "total", f.Co2eTotalKg);
        if (market)
        {
            w.WriteStartObject("marketBased");
            Number(w, "operational", f.Co2eMarketKg);
            Number(w, "total", f.Co2eMarketTotalKg);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("waterL");
        Number(w, "onsite", f.WaterOnsiteL);
        Number(w, "offsite", f.WaterOffsiteL);
        Number(w, "embodied", f.WaterEmbodiedL);
        Number(w, "total", f.WaterTotalL);
        w.WriteEndObject();
        w.WriteStartObject("withdrawalL");
        Number(w, "onsite", f.WithdrawalL);
        w.WriteEndObject();
        Number(w, "embodiedGpuHours", f.EmbodiedGpuHours);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v, int decimals = 3)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Format.Json(v, decimals));
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
