using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Carbon.Bench;
using Carbon.Bench.Generator;

// Modes:
//   generate LINES FILE           write a generated campaign of LINES lines (for the whole-process and LSP benches)
//   phases LINES [PHASE]              a quick Stopwatch split of the pipeline by phase, for profiling
//   [--figures FILE] [BDN args]   run the BenchmarkDotNet suite; FILE receives one tab-separated line per figure
if (args.Length == 3 && args[0] == "generate")
{
    int lines = int.Parse(args[1], CultureInfo.InvariantCulture);
    File.WriteAllText(args[2], CampaignGenerator.Generate(lines), new UTF8Encoding(false));
    return 0;
}

if (args.Length is 2 or 3 && args[0] == "phases")
{
    Phases.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length == 3 ? args[2] : null, Console.Out);
    return 0;
}

string? figures = null;
var rest = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--figures" && i + 1 < args.Length)
    {
        figures = args[++i];
    }
    else
    {
        rest.Add(args[i]);
    }
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(FrontEnd).Assembly).Run([.. rest]).ToList();
if (figures is not null)
{
    var tsv = new StringBuilder("benchmark\tlines\tmean_ms\tallocated_bytes\n");
    foreach (var report in summaries.SelectMany(s => s.Reports))
    {
        var bench = report.BenchmarkCase;
        double meanMs = (report.ResultStatistics?.Mean ?? double.NaN) / 1e6;
        long allocated = report.GcStats.GetBytesAllocatedPerOperation(bench) ?? -1;
        tsv.Append(CultureInfo.InvariantCulture,
            $"{bench.Descriptor.WorkloadMethod.Name}\t{bench.Parameters["Lines"]}\t");
        tsv.Append(CultureInfo.InvariantCulture, $"{meanMs:0.###}\t{allocated}\n");
    }

    File.WriteAllText(figures, tsv.ToString());
}

return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
