namespace Carbon.Compiler.Units;

/// <summary>Spelling suggestions for names, by edit distance.</summary>
public static class Names
{
    /// <summary>The candidate closest to <paramref name="name"/>, if any is close enough to be a likely typo.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates.Order(StringComparer.Ordinal))
        {
            int dist = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (dist < bestDistance)
            {
                best = c;
                bestDistance = dist;
            }
        }

        int allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The end of a sentence: "; did you mean 'x'?" or a full stop.</summary>
    public static string DidYouMean(string? suggestion) =>
        suggestion is null ? "." : $"; did you mean '{suggestion}'?";

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue / 2;
        }

        var before = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    // A swap of two neighbours is one typo, not two.
                    cur[j] = Math.Min(cur[j], before[j - 2] + 1);
                }
            }

            (before, prev, cur) = (prev, cur, before);
        }

        return prev[b.Length];
    }
}
