using System.Reflection;
using System.Runtime.Loader;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Lowering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Diagnostic = Carbon.Compiler.Diagnostics.Diagnostic;

namespace Carbon.Compiler.Execution;

/// <summary>The numbers a compiled program returned: per campaign, per line, the figures array.</summary>
public sealed record ExecutionResult(IReadOnlyList<double[][]>? Lines, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Compiles generated C# in memory with Roslyn, checks it against the <see cref="AllowList"/>, loads
/// it into a collectible load context, runs it with a time limit and unloads it again.
/// </summary>
public static class InMemoryCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [Basic.Reference.Assemblies.Net100.References.SystemRuntime]);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static ExecutionResult CompileAndRun(string code, int campaignCount, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12),
            cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create(
            "CarbonGenerated_" + Guid.NewGuid().ToString("N"),
            [tree],
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: false,
                deterministic: true,
                concurrentBuild: false));
        var model = compilation.GetSemanticModel(tree);
        var compileErrors = compilation.GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (compileErrors.Count > 0)
        {
            diagnostics.Report(DiagnosticCatalog.GeneratedCodeError, null, default, compileErrors[0].ToString());
            return new ExecutionResult(null, diagnostics.Items);
        }

        if (AllowList.Check(tree, model) is { } violation)
        {
            diagnostics.Report(DiagnosticCatalog.AllowListViolation, null, default, violation);
            return new ExecutionResult(null, diagnostics.Items);
        }

        using var stream = new MemoryStream();
        EmitResult emit = compilation.Emit(stream, cancellationToken: cancellationToken);
        if (!emit.Success)
        {
            diagnostics.Report(DiagnosticCatalog.GeneratedCodeError, null, default,
                emit.Diagnostics.FirstOrDefault()?.ToString() ?? "emit failed");
            return new ExecutionResult(null, diagnostics.Items);
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("carbon-campaign", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType(CSharpLowering.Namespace + "." + CSharpLowering.ClassName, throwOnError: true)!;
            var run = Task.Run(
                () =>
                {
                    var all = new List<double[][]>();
                    for (int i = 0; i < campaignCount; i++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var method = type.GetMethod(CSharpLowering.EvaluateMethod(i),
                            BindingFlags.Public | BindingFlags.Static)!;
                        all.Add((double[][])method.Invoke(null, null)!);
                    }

                    return all;
                },
                cancellationToken);
            if (!run.Wait(timeout, cancellationToken))
            {
                diagnostics.Report(DiagnosticCatalog.ExecutionFailed, null, default,
                    $"it ran longer than {timeout.TotalSeconds:0} s and was stopped.");
                return new ExecutionResult(null, diagnostics.Items);
            }

            return new ExecutionResult(run.Result, diagnostics.Items);
        }
        catch (AggregateException ex)
            when (ex.InnerException is TargetInvocationException { InnerException: { } inner })
        {
            diagnostics.Report(DiagnosticCatalog.ExecutionFailed, null, default, inner.Message);
            return new ExecutionResult(null, diagnostics.Items);
        }
        finally
        {
            context.Unload();
        }
    }
}
