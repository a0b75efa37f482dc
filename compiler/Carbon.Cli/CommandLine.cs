using System.CommandLine;
using Carbon.Compiler.Diagnostics;
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

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("carbonc: compiles .carbon campaign files into energy, carbon and water footprints.");
        var projectOption = new Option<string?>("--project-dir")
        {
            Description = "The directory imports must stay inside (default: the directory of each file).",
        };

        var checkFiles = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "The .carbon files to check." };
        var check = new Command("check", "Parse and type-check campaign files without running them.") { checkFiles, projectOption };
        check.SetAction(r => Check(r.GetValue(checkFiles)!, r.GetValue(projectOption), stderr));
        root.Subcommands.Add(check);

        var reportFile = new Argument<string>("file") { Description = "The .carbon file to report on." };
        var format = new Option<string>("--format", "-f") { Description = string.Join(", ", ReportFormats.Names), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var report = new Command("report", "Compile, run and report the footprint of a campaign file.") { reportFile, format, output, projectOption };
        report.SetAction(r => Report(r.GetValue(reportFile)!, r.GetValue(format)!, r.GetValue(output), r.GetValue(projectOption), stdout, stderr));
        root.Subcommands.Add(report);

        var buildFile = new Argument<string>("file") { Description = "The .carbon file to lower to C#." };
        var emit = new Option<string>("--emit-cs") { Description = "Write the generated C# to this file.", Required = true };
        var build = new Command("build", "Lower a campaign file to C# and compile it, writing the C# for inspection.") { buildFile, emit, projectOption };
        build.SetAction(r => Build(r.GetValue(buildFile)!, r.GetValue(emit)!, r.GetValue(projectOption), stderr));
        root.Subcommands.Add(build);
        return root;
    }

    private static int Check(string[] files, string? project, TextWriter stderr)
    {
        int exit = Output.Ok;
        foreach (var file in files)
        {
            var compilation = CompilerDriver.Compile(file, project, stderr);
            if (compilation is null)
            {
                exit = Output.InputErrors;
                continue;
            }

            Output.Diagnostics(stderr, compilation.Diagnostics);
            if (compilation.HasErrors)
            {
                exit = Output.InputErrors;
            }
        }

        return exit;
    }

    private static int Report(string file, string format, string? output, string? project, TextWriter stdout, TextWriter stderr)
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

        return Output.WriteFile(stderr, output, text, [file]) ? Output.Ok : Output.InputErrors;
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

        return Output.WriteFile(stderr, emitPath, code, [file]) ? Output.Ok : Output.InputErrors;
    }
}
