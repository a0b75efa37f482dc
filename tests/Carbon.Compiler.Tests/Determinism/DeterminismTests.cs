using System.Diagnostics;
using System.Globalization;
using System.Text;
using Carbon.Compiler.Reporting;
using Carbon.Compiler.Tests.Hostile;

namespace Carbon.Compiler.Tests.Determinism;

/// <summary>
/// Every registered report format gives the same bytes whatever the run: repeated, under another
/// culture (in this process, where carbonc's own culture reset does not apply, and in a child process
/// with LANG and TZ set), with CRLF or LF line ends, with or without a byte-order mark.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string[] Cultures = ["", "de-DE", "fr-FR", "tr-TR", "ar-SA"];

    public static TheoryData<string> Formats()
    {
        var data = new TheoryData<string>();
        foreach (string f in ReportFormats.Names.Order(StringComparer.Ordinal))
        {
            data.Add(f);
        }

        return data;
    }

    private static string Source()
    {
        // The reference example plus lines that exercise decimals, percentages and a non-ASCII name.
        string olmo = File.ReadAllText(Path.Combine(TestPaths.Examples, "olmo3.carbon"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        return olmo + "\ncampaign \"Détermination ı İ\" {\n" +
            "  site = jupiter  hardware = h100  development_ratio = 0.375\n" +
            "  stage s : sft { model = \"1,5B\"  run final { gpu_time = 1_234.5678 GPU*h  utilisation = 87.5 % } }\n" +
            "}\n";
    }

    private static string Report(string path, string format, string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var c = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentCulture = c;
            CultureInfo.CurrentUICulture = c;
            var (exit, stdout, stderr) = Hostile.Cli.Run("report", path, "--format", format);
            Assert.True(exit == 0, stderr);
            return stdout;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_byte_identical_across_cultures_line_ends_and_byte_order_marks(string format)
    {
        using var dir = new TempDir();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        string path = dir.Write("campaign.carbon", Source(), utf8);
        string reference = Report(path, format, "");
        Assert.NotEmpty(reference);
        Assert.Equal(reference, Report(path, format, ""));

        foreach (string culture in Cultures)
        {
            Assert.True(reference == Report(path, format, culture), $"{format} differs under culture '{culture}'");
        }

        foreach (var (name, text, encoding) in new[]
        {
            ("CRLF", Source().Replace("\n", "\r\n", StringComparison.Ordinal), utf8),
            ("BOM", Source(), utf8Bom),
            ("CRLF and BOM", Source().Replace("\n", "\r\n", StringComparison.Ordinal), utf8Bom),
        })
        {
            dir.Write("campaign.carbon", text, encoding);
            Assert.True(reference == Report(path, format, "tr-TR"), $"{format} differs with {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_child_process_under_another_locale_and_time_zone_writes_the_same_bytes(string format)
    {
        using var dir = new TempDir();
        string path = dir.Write("campaign.carbon", Source(), new UTF8Encoding(false));
        string reference = Report(path, format, "");
        foreach (var (lang, tz) in new[] { ("tr_TR.UTF-8", "Pacific/Chatham"), ("ar_SA.UTF-8", "America/St_Johns") })
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir.Path,
                StandardOutputEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "carbonc.dll"));
            foreach (string a in new[] { "report", "campaign.carbon", "--format", format })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["LANG"] = lang;
            start.Environment["LC_ALL"] = lang;
            start.Environment["TZ"] = tz;
            start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = await process.StandardOutput.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, await stderr);
            // The file is named relative to the working directory here and absolutely in-process.
            Assert.Equal(reference.Replace(path, "campaign.carbon", StringComparison.Ordinal), stdout);
        }
    }
}
