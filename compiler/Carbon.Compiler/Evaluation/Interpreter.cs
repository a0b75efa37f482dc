using Carbon.Compiler.Semantics;

namespace Carbon.Compiler.Evaluation;

/// <summary>
/// Evaluates a bound campaign directly, without generating code. The language server uses it for
/// inline estimates on every keystroke; the tests check it agrees with the compiled program to the
/// last bit on every example, so the editor and <c>carbonc</c> cannot drift apart.
/// </summary>
public static class Interpreter
{
    public static IReadOnlyList<Figures> Evaluate(BoundCampaign campaign)
    {
        var results = new Dictionary<BoundLine, Figures>();
        foreach (var line in campaign.Lines)
        {
            results[line] = Evaluate(line, results);
        }

        return [.. campaign.Lines.Select(l => results[l])];
    }

    private static Figures Evaluate(BoundLine line, Dictionary<BoundLine, Figures> done)
    {
        switch (line)
        {
            case BoundRun r:
                var c = r.Chain;
                return Chain.Run(
                    (int)r.Mode, V(r.GpuHours), V(r.Power), V(r.Energy), V(c.Overhead), V(c.Pue), V(c.Grid),
                    V(c.GridMarket),
                    V(c.WueIt), V(c.WueFacility), V(c.WithdrawalIt), V(c.WithdrawalFacility), V(c.WaterOffsite));
            case BoundEmbodied e:
                var f = Chain.Embodied(V(e.GpuHours), V(e.Co2ePerGpuHour), V(e.WaterPerGpuHour));
                return f with
                {
                    Co2eEmbodiedKg = e.DirectCo2e is null ? f.Co2eEmbodiedKg : V(e.DirectCo2e),
                    WaterEmbodiedL = e.DirectWater is null ? f.WaterEmbodiedL : V(e.DirectWater),
                };
            case BoundDevelopment d:
                return Chain.Scale(V(d.Ratio), d.FinalLines.Select(l => done[l]));
            default:
                throw new InvalidOperationException("Unknown line type " + line.GetType().Name);
        }
    }

    /// <summary>
    /// Evaluates an expression the way the generated C# does, operation by operation. A named value or
    /// property is a constant the binder already computed with the same operations in the same order
    /// (the generated program keeps each in a static field), so its value is read, not recomputed:
    /// values that reuse each other cost nothing extra, and a long chain of them does not recurse.
    /// </summary>
    public static double V(BoundExpr e) => e switch
    {
        BoundLiteral l => l.Number,
        BoundLetRef l => l.Resolved.Number,
        BoundPropertyRef p => p.Resolved.Number,
        BoundConstantRef c => c.Constant.Value,
        BoundNegate n => -V(n.Operand),
        BoundBinary b => b.Operator switch
        {
            '+' => V(b.Left) + V(b.Right),
            '-' => V(b.Left) - V(b.Right),
            '*' => V(b.Left) * V(b.Right),
            _ => V(b.Left) / V(b.Right),
        },
        _ => double.NaN,
    };
}
