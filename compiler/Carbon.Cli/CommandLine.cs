using System.CommandLine;
using Carbon.Compiler.Budgets;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Diff;
using Carbon.Compiler.Reporting;

namespace Carbon.Cli;

/// <summary>The commands of <c>carbonc</c>. Exit codes: 0 ok, 1 over an error budget, 2 errors in the input.</summary>
internal static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Output.Error(stderr, DiagnosticCatalog.BadArgument, error.Message);
            }

            stderr.WriteLine("Run 'carbonc --help' for usage.");
            return Output.InputErrors;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr,
            EnableDefaultExceptionHandler = false });
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root =
            new RootCommand("carbonc: compiles .carbon campaign files into energy, carbon and water footprints.");
        var projectOption = new Option<string?>("--project-dir")
        {
            Description = "The directory imports must stay inside (default: the directory of each file).",
        };

        var checkFiles = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore,
            Description = "The .carbon files to check." };
        var budgetOption = new Option<string[]>("--budget")
        {
            Description = "A budget for files that declare none, written as in a file without 'budget', e.g. " +
                "\"co2e <= 4_000 tCO2e\" or \"warning energy change <= +10 %\". Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var diagnosticFormat = new Option<string?>("--format")
        {
            Description =
                "msbuild, github (workflow annotations) or sarif (default: github under GitHub Actions, else msbuild).",
        };
        diagnosticFormat.AcceptOnlyFromAmong(DiagnosticSink.FormatNames);
        var sarifOption =
            new Option<string?>("--sarif") { Description = "Also write the diagnostics as a SARIF 2.1.0 log to this " +
            "file." };
        var check = new Command("check",
            "Check campaign files and their budgets. Exit codes: 0 within budget, 1 over an error " +
            "budget, 2 errors in the input.") { checkFiles, projectOption, budgetOption, diagnosticFormat,
            sarifOption };
        check.SetAction(r => Check(
            r.GetValue(checkFiles)!, r.GetValue(projectOption), r.GetValue(budgetOption) ?? [],
            r.GetValue(diagnosticFormat),
            r.GetValue(sarifOption), stdout, stderr));
        root.Subcommands.Add(check);

        root.Subcommands.Add(DiffCommandLine(projectOption, stdout, stderr));

        var reportFile = new Argument<string>("file") { Description = "The .carbon file to report on." };
        var format = new Option<string>("--format", "-f") { Description = string.Join(", ", ReportFormats.Names),
            DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
        };
        var report = new Command("report", "Compile, run and report the footprint of a campaign file.") { reportFile,
            format, output, projectOption };
        report.SetAction(r => Report(r.GetValue(reportFile)!, r.GetValue(format)!, r.GetValue(output),
            r.GetValue(projectOption), stdout, stderr));
        root.Subcommands.Add(report);

        var buildFile = new Argument<string>("file") { Description = "The .carbon file to lower to C#." };
        var emit = new Option<string>("--emit-cs") { Description = "Write the generated C# to this file.",
            Required = true };
        var build = new Command("build",
            "Lower a campaign file to C# and compile it, writing the C# for inspection.") { buildFile, emit,
            projectOption };
        build.SetAction(r => Build(r.GetValue(buildFile)!, r.GetValue(emit)!, r.GetValue(projectOption), stderr));
        root.Subcommands.Add(build);
        return root;
    }

    private static int Check(
        string[] files, string? project, string[] budgets, string? format, string? sarif, TextWriter stdout,
        TextWriter stderr)
    {
        var sink = new DiagnosticSink(DiagnosticSink.Choose(format), stdout, stderr);
        var defaults = BudgetOptions.Parse(budgets, sink);
        if (defaults is null)
        {
            sink.Finish(stdout, sarif, files);
            return Output.InputErrors;
        }

        int exit = Output.Ok;
        foreach (var file in files)
        {
            var compilation = CompilerDriver.Compile(file, project, stderr);
            if (compilation is null)
            {
                exit = Output.InputErrors;
                continue;
            }

            sink.Add(compilation.Diagnostics);
            var report = compilation.Interpret();
            if (report is null)
            {
                exit = Output.InputErrors;
                continue;
            }

            // Change budgets need a base revision; 'carbonc diff' checks them.
            var evaluation = BudgetEvaluator.Evaluate(report, defaults: defaults);
            sink.Add(evaluation.Diagnostics);
            if (evaluation.HasInvalidBudget)
            {
                exit = Output.InputErrors;
            }
            else if (evaluation.OverErrorBudget && exit == Output.Ok)
            {
                exit = Output.OverBudget;
            }
        }

        return sink.Finish(stdout, sarif, files) ? exit : Output.InputErrors;
    }

    private static Command DiffCommandLine(Option<string?> projectOption, TextWriter stdout, TextWriter stderr)
    {
        var baseRev =
            new Argument<string>("base") { Description = "The base revision, e.g. origin/main or a commit id." };
        var headRev = new Argument<string?>("head")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The revision to compare with the base (default: the working tree).",
        };
        var paths = new Option<string[]>("--path",
            "-p") { Description = "Compare only these files or directories. Repeatable." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table, json or markdown (a pull-request comment with a hidden marker).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong([.. DiffFormats.Names]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the diff to this file instead of standard output.",
        };
        var repo = new Option<string?>("--repo", "-C")
        {
            Description = "Run as if started in this directory (like git -C); relative paths are taken from it.",
        };
        var budget =
            new Option<string[]>("--budget") { Description = "A budget for files that declare none; as for check. " +
            "Repeatable." };
        var diagnostics = new Option<string?>("--diagnostic-format")
        {
            Description = "msbuild or github (default: github under GitHub Actions, else msbuild).",
        };
        diagnostics.AcceptOnlyFromAmong("msbuild", "github");
        var sarif =
            new Option<string?>("--sarif") { Description = "Also write the diagnostics as a SARIF 2.1.0 log to this " +
            "file." };
        var diff = new Command("diff",
            "Compare the footprint of .carbon files at two git revisions and check budgets, change " +
            "budgets against the base. Exit codes as for check.")
        {
            baseRev, headRev, paths, format, output, repo, projectOption, budget, diagnostics, sarif,
        };
        diff.SetAction(r => DiffCommand.Run(
            new DiffOptions(
                r.GetValue(baseRev)!, r.GetValue(headRev), r.GetValue(paths) ?? [], r.GetValue(format)!,
                r.GetValue(output),
                r.GetValue(repo), r.GetValue(projectOption), r.GetValue(budget) ?? [], r.GetValue(diagnostics),
                r.GetValue(sarif)),
            stdout,
            stderr));
        return diff;
    }

    private static int Report(string file, string format, string? output, string? project, TextWriter stdout,
        TextWriter stderr)
    {
        var compilation = CompilerDriver.Compile(file, project, stderr);
        if (compilation is null)
        {
            return Output.InputErrors;
        }

        var result = compilation.Run();
        Output.Diagnostics(stderr, result.Diagnostics);
        if (!result.Success)
        {
            return Output.InputErrors;
        }

        string text = ReportFormats.Write(format, result.Report!);
        if (output is null)
        {
            stdout.Write(text);
            return Output.Ok;
        }

        return Output.WriteFile(stderr, output, text, Inputs(file, compilation)) ? Output.Ok : Output.InputErrors;
    }

    private static int Build(string file, string emitPath, string? project, TextWriter stderr)
    {
        var compilation = CompilerDriver.Compile(file, project, stderr);
        if (compilation is null)
        {
            return Output.InputErrors;
        }

        Output.Diagnostics(stderr, compilation.Diagnostics);
        string? code = compilation.EmitCSharp();
        if (code is null)
        {
            return Output.InputErrors;
        }

        var result = compilation.Run();
        Output.Diagnostics(stderr, result.Diagnostics.Where(d => d.Code.StartsWith("CB5", StringComparison.Ordinal)));
        if (!result.Success)
        {
            return Output.InputErrors;
        }

        return Output.WriteFile(stderr, emitPath, code, Inputs(file, compilation)) ? Output.Ok : Output.InputErrors;
    }

    // Every file the compilation read: an output path may name none of them.
    private static IEnumerable<string> Inputs(string file, Carbon.Compiler.CarbonCompilation compilation) =>
        compilation.Model.Files.Select(f => f.Source.Path).Prepend(file);
}
