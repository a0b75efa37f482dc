using Carbon.Fuzz;
using SharpFuzz;

// Usage: Carbon.Fuzz TARGET            run under AFL++ (afl-fuzz starts it; see README.md)
//        Carbon.Fuzz TARGET FILE...    replay inputs once each, e.g. a corpus or a crash file
if (args.Length == 0 || !Targets.ByName.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine("usage: Carbon.Fuzz (" + string.Join("|", Targets.ByName.Keys) + ") [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    int failed = 0;
    foreach (string file in args.Skip(1))
    {
        try
        {
            target(Targets.Decode(File.ReadAllBytes(file)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failed++;
            Console.Error.WriteLine(file + ": " + ex);
        }
    }

    Console.WriteLine($"replay {args[0]}: {args.Length - 1 - failed} passed, {failed} failed");
    return failed == 0 ? 0 : 1;
}

// Out of process: a stack overflow or a hang in the target is seen by AFL++ as a crash or a
// time-out instead of killing the process that talks to it.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(Targets.Decode(buffer.ToArray()));
});
return 0;
