namespace Carbon.Compiler.Diagnostics;

/// <summary>
/// Every message the compiler can give, with a stable code. The first digit after <c>CB</c> names
/// the phase: 1 syntax, 2 names and declarations, 3 units and dimensions, 4 accounting rules,
/// 5 code generation and execution (internal), 6 budgets, 7 imports, 9 limits. Messages are full
/// sentences that say how to fix the problem; user text is quoted. A code is never reused: a
/// retired one stays here, commented out, with the reason.
/// </summary>
public static class DiagnosticCatalog
{
    private static DiagnosticDescriptor E(string code, string title, string format) =>
        new(code, Severity.Error, title, format);

    private static DiagnosticDescriptor W(string code, string title, string format) =>
        new(code, Severity.Warning, title, format);

    // Phase 0: the command line.
    public static readonly DiagnosticDescriptor FileNotReadable =
        E("CB0001", "File not readable", "Cannot read '{0}': {1}");
    public static readonly DiagnosticDescriptor OutputRefused =
        E("CB0002", "Output refused", "Will not write to '{0}': {1}");
    public static readonly DiagnosticDescriptor InternalError =
        E("CB0003", "Internal error", "Internal error while processing this file: {0}. Please report it.");
    public static readonly DiagnosticDescriptor BadArgument =
        E("CB0004", "Invalid argument", "{0}");

    // Phase 1: syntax.
    public static readonly DiagnosticDescriptor SyntaxError =
        E("CB1001", "Syntax error", "Unexpected {0}; expected {1}.");
    public static readonly DiagnosticDescriptor UnterminatedString =
        E("CB1002", "Unterminated string", "This string is not closed; add '\"' before the end of the line.");
    public static readonly DiagnosticDescriptor UnterminatedComment =
        E("CB1003", "Unterminated comment", "This comment is not closed; add '*/' to end it.");
    public static readonly DiagnosticDescriptor InvalidCharacter =
        E("CB1004", "Invalid character", "The character {0} cannot appear here; only ASCII names, numbers, " +
            "units, operators, strings and comments can.");
    public static readonly DiagnosticDescriptor InvalidEscape =
        E("CB1005", "Invalid escape", "Strings accept only the escapes '\\\"' and '\\\\'.");
    public static readonly DiagnosticDescriptor InvalidNumber =
        E("CB1006", "Invalid number", "The number '{0}' is not a finite number this compiler can represent.");

    // Phase 2: names and declarations.
    public static readonly DiagnosticDescriptor UnknownName =
        E("CB2001", "Unknown name", "The name '{0}' is not declared{1}");
    public static readonly DiagnosticDescriptor DuplicateName =
        E("CB2002", "Duplicate declaration", "'{0}' is already declared; give this one another name.");
    public static readonly DiagnosticDescriptor Cycle =
        E("CB2003", "Cycle among named values", "The value '{0}' depends on itself: {1}.");
    public static readonly DiagnosticDescriptor UnknownProperty =
        E("CB2004", "Unknown property", "A {0} has no property '{1}'{2}");
    public static readonly DiagnosticDescriptor DuplicateProperty =
        E("CB2005", "Duplicate property", "The property '{0}' is already set in this {1}; remove one of them.");
    public static readonly DiagnosticDescriptor UnknownStageKind =
        E("CB2006", "Unknown stage kind", "'{0}' is not a stage kind{1} Stage kinds are {2}.");
    public static readonly DiagnosticDescriptor UnknownRunKind =
        E("CB2007", "Unknown run kind", "'{0}' is not a run kind{1} Write 'run NAME : KIND' with one of {2}.");
    public static readonly DiagnosticDescriptor UnknownCatalogueEntry =
        E("CB2008", "Unknown catalogue entry", "The catalogue has no {0} named '{1}'{2}");
    public static readonly DiagnosticDescriptor WrongReference =
        E("CB2009", "Wrong kind of reference", "'{0}' is a {1}, but a {2} is expected here.");
    public static readonly DiagnosticDescriptor UnknownMember =
        E("CB2010", "Unknown member", "'{0}' has no value '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownMetric =
        E("CB2011", "Unknown budget metric", "'{0}' is not a budget metric; use co2e, energy, water or gpu_time.");
    public static readonly DiagnosticDescriptor MisplacedBlock =
        E("CB2012", "Misplaced declaration", "A {0} cannot be declared inside a {1}.");

    // Phase 3: units and dimensions.
    public static readonly DiagnosticDescriptor UnknownUnit =
        E("CB3001", "Unknown unit", "'{0}' is not a unit{1}");
    public static readonly DiagnosticDescriptor DimensionMismatch =
        E("CB3002", "Mismatched dimensions", "Cannot {0} {1} and {2}; both sides must have the same dimension.");
    public static readonly DiagnosticDescriptor ComparisonMismatch =
        E("CB3003", "Mismatched dimensions in a comparison", "Cannot compare {0} with {1}.");
    public static readonly DiagnosticDescriptor WrongDimension =
        E("CB3004", "Wrong dimension", "'{0}' expects {1}, but this value is {2}{3}.");
    public static readonly DiagnosticDescriptor GpuCountForgotten =
        E("CB3005", "Accelerator count forgotten", "'{0}' expects {1}, but this value is {2}: a power per " +
            "accelerator times plain hours. Multiply by the accelerator count, or write the time in GPU*h.");
    public static readonly DiagnosticDescriptor EmbodiedCountForgotten =
        E("CB3006", "Accelerator count forgotten", "'{0}' expects {1}, but this value is {2}: an embodied " +
            "figure per accelerator needs accelerator-hours. Write the time in GPU*h or give 'gpus'.");
    public static readonly DiagnosticDescriptor WaterKindsAdded =
        E("CB3007", "Water consumption added to withdrawal", "Cannot {0} consumed and withdrawn water: they are " +
            "different quantities. Report them separately.");
    public static readonly DiagnosticDescriptor ExpectedQuantity =
        E("CB3008", "Wrong kind of value", "'{0}' expects {1}, but this value is {2}.");
    public static readonly DiagnosticDescriptor DivisionByZero =
        E("CB3009", "Division by zero", "This division is by zero.");
    public static readonly DiagnosticDescriptor OutOfRange =
        E("CB3010", "Number out of range", "This value is too large to compute with ({0}); check its unit.");
    public static readonly DiagnosticDescriptor BadExponent =
        E("CB3011", "Invalid unit exponent", "A unit exponent must be a whole number from -9 to 9, and a " +
            "dimension's exponents must stay within -32 to 32.");
    public static readonly DiagnosticDescriptor StringArithmetic =
        E("CB3012", "Arithmetic on text", "Text cannot take part in arithmetic.");

    // Phase 4: accounting rules.
    public static readonly DiagnosticDescriptor PueBelowOne =
        E("CB4001", "PUE below 1", "A PUE of {0} is below 1; facility energy can never be less than IT energy.");
    public static readonly DiagnosticDescriptor ShareOutOfRange =
        E("CB4002", "Share out of range", "'{0}' is {1}, outside 0 % to 100 %.");
    public static readonly DiagnosticDescriptor PueAppliedTwice =
        E("CB4003", "PUE applied twice", "{0} already includes the PUE; {1}.");
    public static readonly DiagnosticDescriptor ConflictingProperties =
        E("CB4004", "Conflicting properties", "'{0}' and '{1}' say the same thing twice; keep one of them.");
    public static readonly DiagnosticDescriptor MissingTime =
        E("CB4005", "Run without time or energy", "The run '{0}' gives neither accelerator time ('gpu_time', " +
            "or 'gpus' and 'duration') nor an energy; add one.");
    public static readonly DiagnosticDescriptor DefaultUsed =
        W("CB4006", "Default value used", "{0} '{1}' states no {2}; the default {3} ({4}) is used.");
    public static readonly DiagnosticDescriptor NoSite =
        E("CB4007", "No site", "The run '{0}' has no site; set 'site' on the run, its stage or its campaign.");
    public static readonly DiagnosticDescriptor NoHardware =
        E("CB4008", "No hardware", "The run '{0}' needs hardware for its power; set 'hardware' on the run, its " +
            "stage or its campaign, or give 'power'.");
    public static readonly DiagnosticDescriptor DevelopmentCountedTwice =
        E("CB4009", "Development counted twice", "{0} has development runs and a 'development_ratio'; " +
            "keep one of them.");
    public static readonly DiagnosticDescriptor Negative =
        E("CB4010", "Negative value", "'{0}' cannot be negative.");
    public static readonly DiagnosticDescriptor OverheadBelowOne =
        E("CB4011", "Server overhead below 1", "A server overhead of {0} is below 1; IT energy cannot be less " +
            "than accelerator energy. Did you mean 'gpu_share_of_it'?");
    public static readonly DiagnosticDescriptor NoTdp =
        E("CB4012", "No power", "The run '{0}' gives no 'power' and its hardware '{1}' has no 'tdp'.");
    public static readonly DiagnosticDescriptor EmbodiedIncomplete =
        E("CB4013", "Embodied figure incomplete", "{0}");
    public static readonly DiagnosticDescriptor MissingKind =
        E("CB4014", "Missing value", "{0} '{1}' needs '{2}'.");
    public static readonly DiagnosticDescriptor ZeroNotAllowed =
        E("CB4015", "Zero value", "'{0}' must be greater than zero.");

    // Phase 5: code generation and execution. These are internal errors: a user cannot cause them.
    public static readonly DiagnosticDescriptor AllowListViolation =
        E("CB5001", "Generated code rejected", "Internal error: the generated C# uses '{0}', which is not " +
            "on the allow-list; nothing was run. Please report this.");
    public static readonly DiagnosticDescriptor GeneratedCodeError =
        E("CB5002", "Generated code did not compile", "Internal error: the generated C# did not compile: {0}");
    public static readonly DiagnosticDescriptor ExecutionFailed =
        E("CB5003", "Execution failed", "The compiled campaign did not finish: {0}");
    public static readonly DiagnosticDescriptor NonFiniteResult =
        E("CB5004", "Result not finite", "The computation of '{0}' gives a value that is not finite; check " +
            "its inputs for very large numbers.");

    // Phase 6: budgets.
    public static readonly DiagnosticDescriptor BudgetExceeded =
        E("CB6001", "Over budget", "{0} is {1}, over its budget of {2}.");
    public static readonly DiagnosticDescriptor BudgetWarning =
        W("CB6002", "Over budget (warning)", "{0} is {1}, over its warning budget of {2}.");
    // CB6003 (budget of the wrong dimension) was folded into CB3003, the comparison of two dimensions.
    public static readonly DiagnosticDescriptor BudgetModelUnknown =
        E("CB6004", "Budget on an unknown model", "No stage of this campaign has the model \"{0}\".");
    public static readonly DiagnosticDescriptor RelativeBudgetNeedsChange =
        E("CB6005", "Percentage budget without 'change'", "A percentage limit only makes sense for a change; " +
            "write 'budget {0} change <= {1}'.");

    // Phase 7: imports.
    public static readonly DiagnosticDescriptor ImportNotFound =
        E("CB7001", "Import not found", "The file \"{0}\" cannot be read: {1}");
    public static readonly DiagnosticDescriptor ImportOutsideProject =
        E("CB7002", "Import outside the project", "The import \"{0}\" reaches outside the project directory; " +
            "imports must stay inside it.");
    public static readonly DiagnosticDescriptor ImportCycle =
        E("CB7003", "Import cycle", "The import \"{0}\" leads back to this file.");
    public static readonly DiagnosticDescriptor ImportHasCampaign =
        W("CB7004", "Imported campaign ignored", "The campaign \"{0}\" in an imported file is ignored; imports " +
            "share sites, hardware and named values.");

    // Phase 9: limits.
    public static readonly DiagnosticDescriptor TooDeep =
        E("CB9001", "Nesting too deep", "This is nested more than {0} levels deep.");
    public static readonly DiagnosticDescriptor FileTooLarge =
        E("CB9002", "File too large", "The file has {0} characters, more than the limit of {1}.");
    public static readonly DiagnosticDescriptor TooLong =
        E("CB9003", "Too long", "This {0} is {1} characters long, more than the limit of {2}.");
    public static readonly DiagnosticDescriptor TooMany =
        E("CB9004", "Too many declarations", "The file declares more than {0} items.");
    public static readonly DiagnosticDescriptor ImportTooDeep =
        E("CB9005", "Imports nested too deep", "Imports are nested more than {0} levels deep.");

    // The CI budget gate and diffs (issue 4), in one block: CB0010–CB0029 are git and the CI commands,
    // CB6006–CB6029 evaluating budgets.
    public static readonly DiagnosticDescriptor GitNotFound =
        E("CB0010", "git not found", "The 'git' program could not be started ({0}); install git and make sure it " +
            "is on the PATH.");
    public static readonly DiagnosticDescriptor NotAGitRepository =
        E("CB0011", "Not a git repository", "'{0}' is not inside a git repository; run 'carbonc diff' in a clone, " +
            "or point --repo at one.");
    public static readonly DiagnosticDescriptor RevisionMissingShallow =
        E("CB0012", "Revision not in a shallow clone", "The revision '{0}' is not in this clone, which is shallow " +
            "(only the last commits were fetched). In GitHub Actions set 'fetch-depth: 0' on actions/checkout, or " +
            "run 'git fetch --unshallow' (or 'git fetch origin {0}') before 'carbonc diff'.");
    public static readonly DiagnosticDescriptor RevisionNotFound =
        E("CB0013", "Revision not found", "The revision '{0}' is not a commit of this repository; check the name, " +
            "or fetch it with 'git fetch origin {0}'.");
    public static readonly DiagnosticDescriptor GitFailed =
        E("CB0014", "git failed", "'git {0}' failed: {1}");
    public static readonly DiagnosticDescriptor FileFailsAtRevision =
        E("CB0015", "File does not compile at a revision", "'{0}' does not compile at {1}; its figures there are " +
            "left out of the diff.");
    public static readonly DiagnosticDescriptor BadBudgetOption =
        E("CB0016", "Invalid --budget", "The budget '{0}' given with --budget is not valid: {1} Write it as in a " +
            "file, e.g. --budget \"co2e <= 4_000 tCO2e\" or --budget \"warning energy change <= +10 %\".");
    public static readonly DiagnosticDescriptor PathNotInRepository =
        E("CB0017", "Path outside the repository", "'{0}' is not inside the repository '{1}'.");
    public static readonly DiagnosticDescriptor BaseFileFailed =
        W("CB0018", "Base revision does not compile", "'{0}' does not compile at the base revision {1}; change " +
            "budgets of this file are not checked.");

    public static readonly DiagnosticDescriptor ChangeBudgetExceeded =
        E("CB6006", "Change over budget", "{0} changed by {1} since {2}, over its budget of {3}.");
    public static readonly DiagnosticDescriptor ChangeBudgetWarning =
        W("CB6007", "Change over budget (warning)", "{0} changed by {1} since {2}, over its warning budget of {3}.");
    public static readonly DiagnosticDescriptor BudgetScopeMissing =
        E("CB6008", "Budget on a missing scope", "{0} has no figures to check this budget against; the budget " +
            "names something the campaign does not contain.");
    public static readonly DiagnosticDescriptor RelativeBudgetNoBase =
        new("CB6009", Severity.Info, "Percentage budget without a base figure", "{0} has no figure at {1} (it is " +
            "new or was zero), so its percentage change budget is not checked.");
    public static readonly DiagnosticDescriptor ExpressionTooDeep =
        E("CB9006", "Expression too complex", "This expression chains more than {0} operators; split it into " +
            "named values with 'let'.");
    public static readonly DiagnosticDescriptor TooManyBlocks =
        E("CB9007", "Too many blocks", "The file declares more than {0} sites, hardware, campaigns, stages, runs " +
            "and embodied blocks together; split it into several files.");
    public static readonly DiagnosticDescriptor ControlInString =
        E("CB9008", "Control character in a string", "The control character {0} cannot appear in a string; " +
            "reports would pass it to the terminal.");
    public static readonly DiagnosticDescriptor BidiControl =
        E("CB9009", "Bidirectional control character", "The bidirectional control character {0} in this {1} " +
            "can make the text display differently from how it reads; remove it.");
    public static readonly DiagnosticDescriptor BindingTooDeep =
        E("CB9011", "Named values nested too deep", "Named values and operators here depend on each other more " +
            "than {0} levels deep; shorten the chain of 'let' declarations.");
    public static readonly DiagnosticDescriptor UnpairedSurrogate =
        E("CB9010", "Unpaired surrogate", "The text has a lone UTF-16 surrogate {0}, which is not a character; " +
            "save the file as valid UTF-8.");
}
