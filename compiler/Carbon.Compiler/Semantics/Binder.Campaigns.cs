using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

internal sealed partial class Binder
{
    private BoundCampaign BindCampaign(BlockItem block)
    {
        var c = new BoundCampaign(block.Name.Text, block, current);
        campaign = c;
        CheckProperties(block);
        var props = BindBlockProperties(block);
        var site = props.GetValueOrDefault("site")?.Value.Entity;
        var hardware = props.GetValueOrDefault("hardware")?.Value.Entity;
        c.Convention = props.GetValueOrDefault("convention")?.Value.Text;
        c.SourceNote = props.GetValueOrDefault("source")?.Value.Text;

        var stageNames = new Dictionary<string, Identifier>(StringComparer.Ordinal);
        var embodiedNames = new Dictionary<string, Identifier>(StringComparer.Ordinal);
        bool anyStageDevelopment = false;
        foreach (var member in block.Members)
        {
            switch (member)
            {
                case BlockItem { Kind: BlockKind.Stage } s:
                    if (!Unique(stageNames, s.Name, "stage"))
                    {
                        continue;
                    }

                    anyStageDevelopment |= BindStage(s, site, hardware);
                    break;
                case BlockItem { Kind: BlockKind.Embodied } e:
                    if (Unique(embodiedNames, e.Name, "embodied"))
                    {
                        AddLine(BindEmbodied(e, null, hardware), e);
                    }

                    break;
                case BlockItem other:
                    string hint = other.Kind == BlockKind.Run ? "campaign; put it in a stage" : "campaign";
                    diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, other.Name.Span,
                        PropertySpecs.BlockName(other.Kind), hint);
                    break;
                case BudgetItem b:
                    BindBudget(b, BudgetScope.Campaign, c.Name);
                    break;
            }
        }

        if (props.GetValueOrDefault("development_ratio") is { Value.IsError: false } ratio)
        {
            AddDevelopmentEstimate(block, ratio, anyStageDevelopment, $"The campaign \"{c.Name}\"", null, [.. c.Lines]);
        }

        foreach (var budget in c.Budgets.Where(b => b.Scope == BudgetScope.Model))
        {
            if (!c.Stages.Any(s => s.Model == budget.ScopeName))
            {
                diagnostics.Report(DiagnosticCatalog.BudgetModelUnknown, current, budget.Syntax.Model!.Span,
                    budget.ScopeName);
            }
        }

        for (int i = 0; i < c.Lines.Count; i++)
        {
            var line = c.Lines[i];
            string stage = line.Stage?.Name ?? "campaign";
            string name = line is BoundDevelopment ? "development" : line.Name;
            line.MemberName = $"Line{i + 1:D3}_{stage}_{name}";
        }

        c.HasMarketBased = c.Lines.OfType<BoundRun>().Any(r => Stated(r.Site.Syntax, "grid_market") is not null
            || (r.Site.Base?.Properties.ContainsKey("grid_market") ?? false));
        campaign = null;
        return c;
    }

    private bool Unique(Dictionary<string, Identifier> seen, Identifier name, string what)
    {
        if (seen.TryGetValue(name.Text, out var first))
        {
            diagnostics.Report(DiagnosticCatalog.DuplicateName, current, name.Span, new RelatedLocation(current,
                first.Span, $"first {what} of that name"), name.Text);
            return false;
        }

        seen[name.Text] = name;
        return true;
    }

    private void AddLine(BoundLine? line, BlockItem syntax)
    {
        if (line is null)
        {
            return;
        }

        campaign!.Lines.Add(line);
        model.LinesBySyntax[syntax] = line;
    }

    /// <summary>Binds the properties a block states (known ones, first of each), keyed by name.</summary>
    private Dictionary<string, BoundExpr> BindBlockProperties(BlockItem block)
    {
        var result = new Dictionary<string, BoundExpr>(StringComparer.Ordinal);
        foreach (var p in block.Properties)
        {
            var spec = PropertySpecs.Find(block.Kind, p.Name.Text);
            if (spec is null || result.ContainsKey(spec.Name))
            {
                continue;
            }

            result[spec.Name] = BindPropertyValue(spec, p, block.Kind);
        }

        return result;
    }

    /// <summary>Binds a stage; returns true when it has development runs or its own development ratio.</summary>
    private bool BindStage(BlockItem block, EntitySymbol? site, EntitySymbol? hardware)
    {
        var c = campaign!;
        CheckProperties(block);
        string kindName = block.Base?.Text ?? "";
        if (!Kinds.StageKinds.TryGetValue(kindName, out var kind))
        {
            diagnostics.Report(
                DiagnosticCatalog.UnknownStageKind, current, block.Base?.Span ?? block.Name.Span, kindName,
                Names.DidYouMean(Names.Closest(kindName, Kinds.StageKinds.Keys)),
                string.Join(", ", Kinds.StageKinds.Keys));
            kind = StageKind.Other;
        }

        var stage = new BoundStage(block.Name.Text, kind, block);
        c.Stages.Add(stage);
        var props = BindBlockProperties(block);
        stage.Model = props.GetValueOrDefault("model")?.Value.Text;
        stage.Variant = props.GetValueOrDefault("variant")?.Value.Text;
        site = props.GetValueOrDefault("site")?.Value.Entity ?? site;
        hardware = props.GetValueOrDefault("hardware")?.Value.Entity ?? hardware;

        var runNames = new Dictionary<string, Identifier>(StringComparer.Ordinal);
        var stageLines = new List<BoundLine>();
        bool hasDevelopmentRuns = false;
        foreach (var member in block.Members)
        {
            switch (member)
            {
                case BlockItem { Kind: BlockKind.Run or BlockKind.Embodied } r:
                    if (!Unique(runNames, r.Name, PropertySpecs.BlockName(r.Kind)))
                    {
                        continue;
                    }

                    BoundLine? line = r.Kind == BlockKind.Run ? BindRun(r, stage, site, hardware)
                        : BindEmbodied(r, stage, hardware);
                    hasDevelopmentRuns |= line?.Kind == RunKind.Development || (r.Kind == BlockKind.Run
                        && RunKindOf(r, report: false) == RunKind.Development);
                    AddLine(line, r);
                    if (line is not null)
                    {
                        stageLines.Add(line);
                    }

                    break;
                case BlockItem other:
                    diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, other.Name.Span,
                    PropertySpecs.BlockName(other.Kind), "stage");
                    break;
                case BudgetItem b:
                    BindBudget(b, BudgetScope.Stage, stage.Name);
                    break;
            }
        }

        if (props.GetValueOrDefault("development_ratio") is { Value.IsError: false } ratio)
        {
            AddDevelopmentEstimate(block, ratio, hasDevelopmentRuns, $"The stage '{stage.Name}'", stage, stageLines);
            return true;
        }

        return hasDevelopmentRuns;
    }

    /// <summary>
    /// A stage's or campaign's <c>development_ratio</c>: a development line scaled from its final lines,
    /// unless development is already counted by runs of its own.
    /// </summary>
    private void AddDevelopmentEstimate(
        BlockItem block, BoundExpr ratio, bool alreadyCounted, string owner, BoundStage? stage, List<BoundLine> lines)
    {
        var ratioSyntax = block.Properties.First(p => p.Name.Text == "development_ratio");
        if (alreadyCounted)
        {
            diagnostics.Report(DiagnosticCatalog.DevelopmentCountedTwice, current, ratioSyntax.Name.Span, owner);
            return;
        }

        var finals = lines.Where(l => l.Kind == RunKind.Final).ToList();
        campaign!.Lines.Add(new BoundDevelopment("development (ratio)", stage, ratioSyntax.Span) { Ratio = ratio,
            FinalLines = finals });
    }

    private RunKind? RunKindOf(BlockItem block, bool report)
    {
        string kindName = block.Base?.Text ?? block.Name.Text;
        if (Kinds.RunKinds.TryGetValue(kindName, out var kind))
        {
            return kind;
        }

        if (report)
        {
            diagnostics.Report(
                DiagnosticCatalog.UnknownRunKind, current, block.Base?.Span ?? block.Name.Span, kindName,
                Names.DidYouMean(block.Base is null ? null : Names.Closest(kindName, Kinds.RunKinds.Keys)),
                string.Join(", ", Kinds.RunKinds.Keys));
        }

        return null;
    }

    private BoundRun? BindRun(BlockItem block, BoundStage stage, EntitySymbol? site, EntitySymbol? hardware)
    {
        CheckProperties(block);
        var kind = RunKindOf(block, report: true);
        var props = BindBlockProperties(block);
        foreach (var inner in block.Blocks)
        {
            diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, inner.Name.Span,
                PropertySpecs.BlockName(inner.Kind), "run");
        }

        if (props.Values.Any(v => v.Value.IsError) || kind is null)
        {
            return null;
        }

        site = props.GetValueOrDefault("site")?.Value.Entity ?? site;
        hardware = props.GetValueOrDefault("hardware")?.Value.Entity ?? hardware;
        if (site is null)
        {
            diagnostics.Report(DiagnosticCatalog.NoSite, current, block.Name.Span, block.Name.Text);
            return null;
        }

        campaign!.Entities.Add(site);
        if (hardware is not null)
        {
            campaign.Entities.Add(hardware);
        }

        var gpuHours = AcceleratorHours(block, props, hardware);
        if (gpuHours is BoundError)
        {
            return null;
        }

        EnergyMode mode = EnergyMode.Power;
        BoundExpr energy = new BoundLiteral(0, Dimension.Energy);
        BoundExpr power = new BoundLiteral(0, Dimension.PowerPerAccelerator);
        string powerBasis = "";
        if (props.GetValueOrDefault("accelerator_energy") is { } ae)
        {
            (mode, energy) = (EnergyMode.Accelerator, ae);
        }
        else if (props.GetValueOrDefault("it_energy") is { } ie)
        {
            (mode, energy) = (EnergyMode.It, ie);
        }
        else if (props.GetValueOrDefault("facility_energy") is { } fe)
        {
            (mode, energy) = (EnergyMode.Facility, fe);
        }
        else if (props.GetValueOrDefault("power") is { } p)
        {
            (power, powerBasis) = (p, "measured");
        }
        else
        {
            if (hardware is null)
            {
                diagnostics.Report(DiagnosticCatalog.NoHardware, current, block.Name.Span, block.Name.Text);
                return null;
            }

            if (GetProperty(hardware, "tdp") is not { } tdp)
            {
                diagnostics.Report(DiagnosticCatalog.NoTdp, current, block.Name.Span, block.Name.Text, hardware.Name);
                return null;
            }

            var tdpRef = Ref(hardware, tdp);
            if (props.GetValueOrDefault("utilisation") is { } u)
            {
                power = Multiply(u, tdpRef);
                powerBasis = "utilisation × TDP";
            }
            else
            {
                power = tdpRef;
                powerBasis = "TDP";
            }
        }

        if (gpuHours is null)
        {
            if (mode == EnergyMode.Power)
            {
                diagnostics.Report(DiagnosticCatalog.MissingTime, current, block.Name.Span, block.Name.Text);
                return null;
            }

            gpuHours = new BoundLiteral(0, Dimension.AcceleratorTime);
        }

        var chain = ChainOf(site);
        return new BoundRun(block.Name.Text, kind.Value, stage, block.Span)
        {
            Site = site,
            Hardware = hardware,
            GpuHours = gpuHours,
            Mode = mode,
            Power = power,
            PowerBasis = powerBasis,
            Energy = energy,
            Chain = chain,
        };
    }

    private ChainInputs ChainOf(EntitySymbol site)
    {
        BoundExpr Get(string name) => Ref(site, GetProperty(site, name)!);
        BoundExpr overhead;
        if (GetProperty(site, "gpu_share_of_it", warn: false) is { } share)
        {
            var one = new BoundLiteral(1, Dimension.None);
            var shareRef = Ref(site, share);
            overhead = new BoundBinary(one, '/', shareRef, Value.Quantity(1 / shareRef.Value.Number, Dimension.None));
        }
        else
        {
            overhead = Get("server_overhead");
        }

        var grid = Get("grid");
        var market = GetProperty(site, "grid_market", warn: false) is { } m ? Ref(site, m) : grid;
        var (wueIt, wueFacility) = Pair("wue_it", "wue_facility", Dimension.WaterIntensity, listDefault: true);
        var (wdIt, wdFacility) = Pair("withdrawal_it", "withdrawal_facility", Dimension.WithdrawalIntensity,
            listDefault: false);
        return new ChainInputs(overhead, Get("pue"), grid, market, wueIt, wueFacility, wdIt, wdFacility,
            Get("water_offsite"));

        // On-site water is per IT or per facility energy, never both; the other side is zero. When
        // neither is stated, on-site consumption is listed as a default of zero in the report.
        (BoundExpr It, BoundExpr Facility) Pair(string itName, string facilityName, Dimension d, bool listDefault)
        {
            var it = GetProperty(site, itName, warn: false);
            var facility = GetProperty(site, facilityName, warn: false);
            var zero = new BoundLiteral(0, d);
            if (it is null && facility is null)
            {
                return (listDefault ? Get(itName) : zero, zero);
            }

            return (it is null ? zero : Ref(site, it), facility is null ? zero : Ref(site, facility));
        }
    }

    /// <summary>
    /// The accelerator-hours a run or embodied block states: <c>gpu_time</c>, or <c>gpus</c> ×
    /// <c>duration</c>, or <c>nodes</c> × <c>duration</c> × the hardware's accelerators per node.
    /// Null when none is given; a <see cref="BoundError"/> when what is given is incomplete.
    /// </summary>
    private BoundExpr? AcceleratorHours(BlockItem block, Dictionary<string, BoundExpr> props, EntitySymbol? hardware)
    {
        if (props.GetValueOrDefault("gpu_time") is { } t)
        {
            return t;
        }

        var gpus = props.GetValueOrDefault("gpus");
        var nodes = props.GetValueOrDefault("nodes");
        var duration = props.GetValueOrDefault("duration");
        string what = block.Kind == BlockKind.Run ? "The run" : "The embodied block";
        if (duration is null)
        {
            if (gpus is not null || nodes is not null)
            {
                diagnostics.Report(DiagnosticCatalog.MissingKind, current, block.Name.Span, what, block.Name.Text,
                    "duration");
                return new BoundError();
            }

            return null;
        }

        if (gpus is not null)
        {
            return Multiply(gpus, duration);
        }

        if (nodes is not null)
        {
            if (hardware is null || GetProperty(hardware, "gpus_per_node") is not { } perNode)
            {
                diagnostics.Report(DiagnosticCatalog.MissingKind, current, block.Name.Span, what, block.Name.Text,
                    "hardware with 'gpus_per_node'");
                return new BoundError();
            }

            return Multiply(Multiply(nodes, duration), Ref(hardware, perNode));
        }

        diagnostics.Report(DiagnosticCatalog.MissingKind, current, block.Name.Span, what, block.Name.Text, "gpus");
        return new BoundError();
    }

    private static BoundBinary Multiply(BoundExpr a, BoundExpr b) =>
        new(a, '*', b, Value.Quantity(a.Value.Number * b.Value.Number, a.Value.Dimension * b.Value.Dimension));

    private static BoundBinary Divide(BoundExpr a, BoundExpr b) =>
        new(a, '/', b, Value.Quantity(a.Value.Number / b.Value.Number, a.Value.Dimension / b.Value.Dimension));

    private static BoundBinary Add(BoundExpr a, BoundExpr b) =>
        new(a, '+', b, Value.Quantity(a.Value.Number + b.Value.Number, a.Value.Dimension));

    private BoundEmbodied? BindEmbodied(BlockItem block, BoundStage? stage, EntitySymbol? hardware)
    {
        CheckProperties(block);
        var props = BindBlockProperties(block);
        if (props.Values.Any(v => v.Value.IsError))
        {
            return null;
        }

        hardware = props.GetValueOrDefault("hardware")?.Value.Entity ?? hardware;
        var directCo2e = props.GetValueOrDefault("co2e");
        var directWater = props.GetValueOrDefault("water");
        var gpuHours = AcceleratorHours(block, props, hardware);
        if (gpuHours is BoundError)
        {
            return null;
        }

        var zeroRate = new BoundLiteral(0, Dimension.Carbon / Dimension.AcceleratorTime);
        var zeroWater = new BoundLiteral(0, Dimension.Water / Dimension.AcceleratorTime);
        if (directCo2e is not null && directWater is not null)
        {
            return new BoundEmbodied(block.Name.Text, stage, block.Span)
            {
                Hardware = hardware,
                GpuHours = gpuHours ?? new BoundLiteral(0, Dimension.AcceleratorTime),
                Co2ePerGpuHour = zeroRate,
                WaterPerGpuHour = zeroWater,
                DirectCo2e = directCo2e,
                DirectWater = directWater,
            };
        }

        if (gpuHours is null)
        {
            diagnostics.Report(
                DiagnosticCatalog.EmbodiedIncomplete, current, block.Name.Span,
                $"The embodied block '{block.Name.Text}' needs the accelerator time it is charged on: give " +
                $"'gpu_time' " +
                "(in GPU*h), or 'gpus' and 'duration', or give 'co2e' and 'water' directly.");
            return null;
        }

        if (hardware is null)
        {
            diagnostics.Report(
                DiagnosticCatalog.EmbodiedIncomplete, current, block.Name.Span,
                $"The embodied block '{block.Name.Text}' needs 'hardware' to know the embodied figures per " +
                $"accelerator.");
            return null;
        }

        campaign!.Entities.Add(hardware);
        var perGpu = GetProperty(hardware, "embodied_per_gpu");
        var perNode = GetProperty(hardware, "embodied_per_node");
        var lifetime = GetProperty(hardware, "lifetime");
        if ((perGpu is null && perNode is null && directCo2e is null) || lifetime is null)
        {
            string missing = lifetime is null ? "'lifetime'" : "'embodied_per_gpu' or 'embodied_per_node'";
            diagnostics.Report(
                DiagnosticCatalog.EmbodiedIncomplete, current, block.Name.Span,
                $"The hardware '{hardware.Name}' has no {missing}, so the embodied block '{block.Name.Text}' cannot " +
                $"be computed.");
            return null;
        }

        BoundExpr amortisation = Ref(hardware, lifetime);
        if (GetProperty(hardware, "utilisation") is { } util)
        {
            amortisation = Multiply(amortisation, Ref(hardware, util));
        }

        BoundExpr? carbonPerGpu = perGpu is null ? null : Ref(hardware, perGpu);
        if (perNode is not null)
        {
            if (GetProperty(hardware, "gpus_per_node") is not { } gpn)
            {
                diagnostics.Report(
                    DiagnosticCatalog.EmbodiedIncomplete, current, block.Name.Span,
                    $"The hardware '{hardware.Name}' gives 'embodied_per_node' but not 'gpus_per_node'.");
                return null;
            }

            var nodeShare = Divide(Ref(hardware, perNode), Ref(hardware, gpn));
            carbonPerGpu = carbonPerGpu is null ? nodeShare : Add(carbonPerGpu, nodeShare);
        }

        var co2eRate = carbonPerGpu is null ? zeroRate : (BoundExpr)Divide(carbonPerGpu, amortisation);
        var waterRate = GetProperty(hardware, "water_per_gpu") is { } w ? (BoundExpr)Divide(Ref(hardware, w),
            amortisation) : zeroWater;
        return new BoundEmbodied(block.Name.Text, stage, block.Span)
        {
            Hardware = hardware,
            GpuHours = gpuHours,
            Co2ePerGpuHour = co2eRate,
            WaterPerGpuHour = waterRate,
            DirectCo2e = directCo2e,
            DirectWater = directWater,
        };
    }

    private void BindBudget(BudgetItem item, BudgetScope scope, string scopeName)
    {
        var c = campaign!;
        BudgetMetric? metric = item.Metric.Text switch
        {
            "co2e" => BudgetMetric.Co2e,
            "energy" => BudgetMetric.Energy,
            "water" => BudgetMetric.Water,
            "gpu_time" => BudgetMetric.GpuTime,
            _ => null,
        };
        var limit = BindExpr(item.Limit);
        if (metric is null)
        {
            diagnostics.Report(DiagnosticCatalog.UnknownMetric, current, item.Metric.Span, item.Metric.Text);
            return;
        }

        if (limit.Value.IsError)
        {
            return;
        }

        var expected = MetricDimension(metric.Value);
        var v = limit.Value;
        if (v.Sort != ValueSort.Quantity || (!v.Dimension.IsDimensionless && v.Dimension != expected))
        {
            diagnostics.Report(
                DiagnosticCatalog.ComparisonMismatch, current, item.Limit.Span,
                $"the {item.Metric.Text} budget's figure, {expected.Describe()},", v.Describe()
                    + "; write the limit in the metric's unit or as a percentage change");
            return;
        }

        bool relative = v.Dimension.IsDimensionless;
        if (relative && !item.IsChange)
        {
            diagnostics.Report(DiagnosticCatalog.RelativeBudgetNeedsChange, current, item.Limit.Span, item.Metric.Text,
                current.Text[item.Limit.Span.Start..item.Limit.Span.End]);
            return;
        }

        if (item.Model is { } m)
        {
            scope = BudgetScope.Model;
            scopeName = m.Value;
        }

        c.Budgets.Add(new BoundBudget(item.Level, scope, scopeName, metric.Value, item.IsChange, relative, item.Strict,
            v.Number, item, current));
    }

    internal static Dimension MetricDimension(BudgetMetric m) => m switch
    {
        BudgetMetric.Co2e => Dimension.Carbon,
        BudgetMetric.Energy => Dimension.Energy,
        BudgetMetric.Water => Dimension.Water,
        _ => Dimension.AcceleratorTime,
    };
}
