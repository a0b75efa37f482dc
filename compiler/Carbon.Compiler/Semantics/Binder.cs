using System.Globalization;
using Carbon.Compiler.Catalogue;
using Carbon.Compiler.Diagnostics;
using Carbon.Compiler.Syntax;
using Carbon.Compiler.Text;
using Carbon.Compiler.Units;

namespace Carbon.Compiler.Semantics;

/// <summary>A parsed file with its text, as the binder sees it.</summary>
public sealed record ParsedFile(SourceText Source, CompilationUnit Syntax, bool IsImport);

/// <summary>
/// Resolves names, checks dimensions and accounting rules, and builds the bound campaigns.
/// Values are computed as they are bound, so range checks (PUE ≥ 1, shares within 0–100 %,
/// division by zero) apply to expressions as well as literals. An expression that is already in
/// error yields <see cref="Value.Error"/>, which every later check ignores: one mistake, one message.
/// </summary>
internal sealed partial class Binder
{
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, Symbol> globals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntitySymbol> catalogueEntities = new(StringComparer.Ordinal);
    private readonly HashSet<(EntitySymbol, string)> warnedDefaults = [];
    private readonly SemanticModel model;
    private SourceText current = null!;
    private int depth;
    private bool depthReported;
    private BoundCampaign? campaign;

    public Binder(DiagnosticBag diagnostics, SemanticModel model)
    {
        this.diagnostics = diagnostics;
        this.model = model;
    }

    public void Bind(IReadOnlyList<ParsedFile> files)
    {
        foreach (var file in files)
        {
            current = file.Source;
            Declare(file);
        }

        foreach (var file in files)
        {
            current = file.Source;
            foreach (var item in file.Syntax.Items)
            {
                switch (item)
                {
                    case LetItem let when globals.GetValueOrDefault(let.Name.Text) is LetSymbol s && s.Syntax == let:
                        BindLet(s);
                        break;
                    case LetItem:
                        break; // A duplicate: reported when it was declared.
                    case BlockItem { Kind: BlockKind.Site or BlockKind.Hardware } block
                        when globals.GetValueOrDefault(block.Name.Text) is EntitySymbol e && e.Syntax == block:
                        CheckEntity(e);
                        break;
                    case BlockItem { Kind: BlockKind.Campaign } block when !file.IsImport:
                        model.Campaigns.Add(BindCampaign(block));
                        break;
                    case BlockItem { Kind: BlockKind.Site or BlockKind.Hardware }:
                        break; // A duplicate: reported when it was declared.
                    case BlockItem { Kind: BlockKind.Campaign } block:
                        diagnostics.Report(DiagnosticCatalog.ImportHasCampaign, current, block.Name.Span,
                        block.Name.Text);
                        break;
                    case BlockItem block:
                        diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, block.Name.Span,
                        PropertySpecs.BlockName(block.Kind), "file");
                        break;
                    case PropertyItem or BudgetItem:
                        diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, item.Span, "property",
                        "file; put it in a block");
                        break;
                }
            }
        }
    }

    // Declaration of the names a file brings into scope: lets, sites and hardware.
    private void Declare(ParsedFile file)
    {
        foreach (var item in file.Syntax.Items)
        {
            Symbol? symbol = item switch
            {
                LetItem let => new LetSymbol(let, file.Source),
                BlockItem { Kind: BlockKind.Site or BlockKind.Hardware } b => DeclareEntity(b, file.Source),
                _ => null,
            };
            if (symbol is null)
            {
                continue;
            }

            if (globals.TryGetValue(symbol.Name, out var existing))
            {
                var related = existing.Source is null ? null : new RelatedLocation(existing.Source, existing.NameSpan,
                    "declared here");
                diagnostics.Report(DiagnosticCatalog.DuplicateName, file.Source, symbol.NameSpan, related, symbol.Name);
                continue;
            }

            globals[symbol.Name] = symbol;
            model.Symbols.Add(symbol);
        }
    }

    private EntitySymbol DeclareEntity(BlockItem block, SourceText source)
    {
        CatalogueEntry? baseEntry = null;
        if (block.Base is { } b)
        {
            bool found = block.Kind == BlockKind.Site
                ? StandardCatalogue.TryGetSite(b.Text, out baseEntry)
                : StandardCatalogue.TryGetHardware(b.Text, out baseEntry);
            if (!found)
            {
                var names = block.Kind == BlockKind.Site ? StandardCatalogue.Sites : StandardCatalogue.Hardware;
                string? suggestion = Names.Closest(b.Text, names.Select(e => e.Name));
                string ending = suggestion is null
                    ? ". It has " + string.Join(", ", names.Select(e => e.Name)) + "."
                    : Names.DidYouMean(suggestion);
                diagnostics.Report(
                    DiagnosticCatalog.UnknownCatalogueEntry, source, b.Span,
                    PropertySpecs.BlockName(block.Kind), b.Text, ending);
            }
        }

        return new EntitySymbol(block.Kind, block.Name.Text, source, block.Name.Span, block, baseEntry);
    }

    // Sites and hardware: every stated property is checked whether a campaign uses it or not.
    private void CheckEntity(EntitySymbol entity)
    {
        var block = entity.Syntax!;
        CheckProperties(block);
        foreach (var p in block.Properties)
        {
            if (PropertySpecs.Find(block.Kind, p.Name.Text) is not null)
            {
                GetProperty(entity, p.Name.Text, warn: false);
            }
        }

        foreach (var inner in block.Blocks)
        {
            diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, inner.Name.Span,
                PropertySpecs.BlockName(inner.Kind), entity.KindName);
        }

        foreach (var budget in block.Members.OfType<BudgetItem>())
        {
            diagnostics.Report(DiagnosticCatalog.MisplacedBlock, current, budget.Span, "budget", entity.KindName);
        }
    }

    /// <summary>Reports unknown, duplicate and conflicting properties of a block.</summary>
    private void CheckProperties(BlockItem block)
    {
        var seen = new Dictionary<string, PropertyItem>(StringComparer.Ordinal);
        foreach (var p in block.Properties)
        {
            string name = p.Name.Text;
            if (PropertySpecs.Find(block.Kind, name) is null)
            {
                string? suggestion = Names.Closest(name, PropertySpecs.ByBlock[block.Kind].Select(s => s.Name));
                diagnostics.Report(
                    DiagnosticCatalog.UnknownProperty, current, p.Name.Span,
                    PropertySpecs.BlockName(block.Kind), name, Names.DidYouMean(suggestion));
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                diagnostics.Report(
                    DiagnosticCatalog.DuplicateProperty, current, p.Name.Span,
                    new RelatedLocation(current, first.Name.Span, "first set here"), name,
                    PropertySpecs.BlockName(block.Kind));
                continue;
            }

            seen[name] = p;
        }

        void Conflict(string a, string b)
        {
            if (seen.ContainsKey(a) && seen.TryGetValue(b, out var second))
            {
                diagnostics.Report(DiagnosticCatalog.ConflictingProperties, current, second.Name.Span, a, b);
            }
        }

        switch (block.Kind)
        {
            case BlockKind.Site:
                Conflict("gpu_share_of_it", "server_overhead");
                Conflict("wue_it", "wue_facility");
                Conflict("withdrawal_it", "withdrawal_facility");
                break;
            case BlockKind.Run or BlockKind.Embodied:
                Conflict("gpu_time", "gpus");
                Conflict("gpu_time", "nodes");
                Conflict("gpu_time", "duration");
                Conflict("gpus", "nodes");
                Conflict("power", "utilisation");
                string[] energies = ["accelerator_energy", "it_energy", "facility_energy"];
                foreach (var e in energies)
                {
                    Conflict("power", e);
                    Conflict("utilisation", e);
                }

                Conflict("accelerator_energy", "it_energy");
                Conflict("accelerator_energy", "facility_energy");
                Conflict("it_energy", "facility_energy");
                break;
        }
    }

    private static PropertyItem? Stated(BlockItem? block, string name) =>
        block?.Properties.FirstOrDefault(p => p.Name.Text == name);

    /// <summary>
    /// A site's or hardware's property: stated in the file, inherited from its catalogue entry, or,
    /// for the site factors every run needs, a default that is reported as a warning (once per site).
    /// Returns null when the property has no value and no default.
    /// </summary>
    internal BoundProperty? GetProperty(EntitySymbol entity, string name, bool warn = true)
    {
        if (entity.Resolved.TryGetValue(name, out var done))
        {
            return done;
        }

        var stated = Stated(entity.Syntax, name);
        if (stated is not null)
        {
            var state = entity.States.GetValueOrDefault(name);
            if (state == BindState.InProgress)
            {
                diagnostics.Report(DiagnosticCatalog.Cycle, entity.Source, stated.Name.Span, $"{entity.Name}.{name}",
                    "it refers back to itself");
                return new BoundProperty(name, new BoundError(), PropertyOrigin.Stated, null, stated);
            }

            entity.States[name] = BindState.InProgress;
            var saved = current;
            current = entity.Source ?? current;
            var spec = PropertySpecs.Find(entity.Kind, name)!;
            var bound = BindPropertyValue(spec, stated, entity.Kind);
            current = saved;
            entity.States[name] = BindState.Done;
            var prop = new BoundProperty(name, bound, PropertyOrigin.Stated, null, stated);
            entity.Resolved[name] = prop;
            model.ValueOrder.Add(new OwnedProperty(entity, prop));
            return prop;
        }

        if (entity.Base is { } b && b.Properties.TryGetValue(name, out var constant))
        {
            var value = new Value(ValueSort.Quantity, constant.Value, constant.Dimension, IsPue: name == "pue");
            var prop = new BoundProperty(name, new BoundConstantRef(constant, value), PropertyOrigin.Catalogue,
                constant, null);
            entity.Resolved[name] = prop;
            return prop;
        }

        if (entity.Kind == BlockKind.Site && warn)
        {
            return SiteDefault(entity, name);
        }

        return null;
    }

    private BoundProperty? SiteDefault(EntitySymbol site, string name)
    {
        Constant? constant = name switch
        {
            "pue" => StandardCatalogue.DefaultPue,
            "grid" => StandardCatalogue.DefaultGrid,
            "water_offsite" => StandardCatalogue.DefaultWaterOffsite,
            "server_overhead" => StandardCatalogue.NoOverhead,
            "wue_it" or "wue_facility" => StandardCatalogue.NoOnsiteWater,
            "withdrawal_it" or "withdrawal_facility" => StandardCatalogue.NoOnsiteWater with
            {
                Dimension = Dimension.WithdrawalIntensity,
                DisplayValue = "0 L_wd/kWh (not stated)",
            },
            _ => null,
        };
        if (constant is null)
        {
            return null;
        }

        bool silent = name is not ("pue" or "grid" or "water_offsite");
        if (!silent && warnedDefaults.Add((site, name)) && site.Source is not null)
        {
            string what = name switch
            {
                "pue" => "PUE",
                "grid" => "grid carbon intensity",
                _ => "off-site water intensity",
            };
            diagnostics.Report(
                DiagnosticCatalog.DefaultUsed, site.Source, site.NameSpan,
                "The site", site.Name, $"{what} ('{name}')", constant.DisplayValue, constant.Source);
        }

        var value = new Value(ValueSort.Quantity, constant.Value, constant.Dimension, IsPue: name == "pue");
        var prop = new BoundProperty(name, new BoundConstantRef(constant, value), PropertyOrigin.Default, constant,
            null);
        site.Resolved[name] = prop;
        return prop;
    }

    private BoundExpr Ref(EntitySymbol entity, BoundProperty p)
    {
        if (p.Constant is not null && p.Origin != PropertyOrigin.Stated)
        {
            campaign?.ConstantsUsed.Add(p.Constant);
        }

        return new BoundPropertyRef(entity, p, p.Expr.Value);
    }

    private BoundExpr BindPropertyValue(PropertySpec spec, PropertyItem p, BlockKind block)
    {
        var bound = BindExpr(p.Value);
        model.PropertyValues[p] = bound;
        var v = bound.Value;
        if (v.IsError)
        {
            return bound;
        }

        switch (spec.Sort)
        {
            case PropertySort.Text:
                if (v.Sort != ValueSort.Text)
                {
                    diagnostics.Report(DiagnosticCatalog.ExpectedQuantity, current, p.Value.Span, spec.Name,
                        "text in quotes", v.Describe());
                    return new BoundError();
                }

                return bound;
            case PropertySort.SiteReference or PropertySort.HardwareReference:
                var wanted = spec.Sort == PropertySort.SiteReference ? ValueSort.Site : ValueSort.Hardware;
                if (v.Sort != wanted)
                {
                    string what = wanted == ValueSort.Site ? "site" : "hardware";
                    diagnostics.Report(DiagnosticCatalog.ExpectedQuantity, current, p.Value.Span, spec.Name,
                        $"the name of a {what}", v.Describe());
                    return new BoundError();
                }

                return bound;
        }

        if (v.Sort != ValueSort.Quantity)
        {
            diagnostics.Report(DiagnosticCatalog.ExpectedQuantity, current, p.Value.Span, spec.Name,
                spec.Dimension.Describe(), v.Describe());
            return new BoundError();
        }

        if (v.Dimension != spec.Dimension)
        {
            ReportWrongDimension(spec, p, v, block);
            return new BoundError();
        }

        if (!CheckRange(spec, p, v.Number))
        {
            return new BoundError();
        }

        if (spec.Name == "pue")
        {
            // A PUE carries its kind, so that multiplying an energy by it can be caught later.
            return bound with { Value = v with { IsPue = true } };
        }

        if (v.IncludesPue && spec.Name is "accelerator_energy" or "it_energy" or "facility_energy")
        {
            string fix = spec.Name == "facility_energy"
                ? "give the energy before PUE as 'it_energy' instead, so that the site's PUE is applied once and shown"
                : $"but '{spec.Name}' is energy before PUE: give it as 'facility_energy', or remove the factor";
            diagnostics.Report(DiagnosticCatalog.PueAppliedTwice, current, p.Value.Span,
                "This energy is multiplied by a PUE: it", fix);
            return new BoundError();
        }

        return bound;
    }

    private void ReportWrongDimension(PropertySpec spec, PropertyItem p, Value v, BlockKind block)
    {
        var expected = spec.Dimension;
        var actual = v.Dimension;
        if (expected == Dimension.Energy && actual == Dimension.Energy / Dimension.Accelerator)
        {
            diagnostics.Report(DiagnosticCatalog.GpuCountForgotten, current, p.Value.Span, spec.Name,
                expected.Describe(), actual.Describe());
            return;
        }

        if (expected == Dimension.AcceleratorTime && actual == Dimension.Time)
        {
            var d = block == BlockKind.Embodied ? DiagnosticCatalog.EmbodiedCountForgotten
                : DiagnosticCatalog.GpuCountForgotten;
            if (block == BlockKind.Embodied)
            {
                diagnostics.Report(d, current, p.Value.Span, spec.Name, expected.Describe(), actual.Describe());
            }
            else
            {
                diagnostics.Report(
                    DiagnosticCatalog.WrongDimension, current, p.Value.Span, spec.Name, expected.Describe(),
                    actual.Describe(),
                    ": the accelerator count is missing; write the time in GPU*h, or give 'gpus' and 'duration'");
            }

            return;
        }

        if (expected == Dimension.Carbon && actual == Dimension.Carbon / Dimension.Accelerator)
        {
            diagnostics.Report(DiagnosticCatalog.EmbodiedCountForgotten, current, p.Value.Span, spec.Name,
                expected.Describe(), actual.Describe());
            return;
        }

        string hint = (expected, actual) switch
        {
            _ when expected == Dimension.PowerPerAccelerator && actual == Dimension.Power =>
                ": a power per accelerator is written like '700 W/GPU'",
            _ when expected.IsDimensionless && p.Value is QuantityExpr { Unit: not null } =>
                ": write a plain number or a percentage",
            _ when actual == Dimension.Mass && expected
                == Dimension.Carbon => ": CO2e is written 'kgCO2e' or 'tCO2e', not 'kg' or 't'",
            _ when expected == Dimension.Power * Dimension.Time / Dimension.Accelerator => "",
            _ => "",
        };
        diagnostics.Report(DiagnosticCatalog.WrongDimension, current, p.Value.Span, spec.Name, expected.Describe(),
            actual.Describe(), hint);
    }

    private bool CheckRange(PropertySpec spec, PropertyItem p, double n)
    {
        string shown = FormatNumber(n);
        switch (spec.Range)
        {
            case RangeRule.Pue when n < 1:
                diagnostics.Report(DiagnosticCatalog.PueBelowOne, current, p.Value.Span, shown);
                return false;
            case RangeRule.Overhead when n < 1:
                diagnostics.Report(DiagnosticCatalog.OverheadBelowOne, current, p.Value.Span, shown);
                return false;
            case RangeRule.Share when n < 0 || n > 1:
                diagnostics.Report(DiagnosticCatalog.ShareOutOfRange, current, p.Value.Span, spec.Name,
                FormatNumber(n * 100) + " %");
                return false;
            case RangeRule.NonNegative when n < 0:
                diagnostics.Report(DiagnosticCatalog.Negative, current, p.Value.Span, spec.Name);
                return false;
            case RangeRule.Positive when n <= 0:
                diagnostics.Report(n < 0 ? DiagnosticCatalog.Negative : DiagnosticCatalog.ZeroNotAllowed, current,
                p.Value.Span, spec.Name);
                return false;
        }

        if (spec.Name == "gpu_share_of_it" && n == 0)
        {
            diagnostics.Report(DiagnosticCatalog.ZeroNotAllowed, current, p.Value.Span, spec.Name);
            return false;
        }

        return true;
    }

    internal static string FormatNumber(double n) => n.ToString("0.######", CultureInfo.InvariantCulture);

    private void BindLet(LetSymbol let)
    {
        if (let.State == BindState.Done)
        {
            return;
        }

        var saved = current;
        current = let.Source!;
        let.State = BindState.InProgress;
        var bound = BindExpr(let.Syntax.Value);
        let.Bound = bound;
        let.State = BindState.Done;
        model.ValueOrder.Add(let);
        current = saved;
    }
}
