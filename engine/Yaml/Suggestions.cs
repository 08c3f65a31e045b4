namespace GbaSim.Engine.Yaml;

/// <summary>"Did you mean" hints: the valid name closest to a misspelt one by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// A hint naming the closest valid name when one is near enough to be a typo, otherwise (or
    /// always, with <paramref name="listAll"/>) listing the valid names.
    /// </summary>
    public static string Hint(string written, IReadOnlyCollection<string> valid, string validWhat, bool listAll = false)
    {
        var list = $"{validWhat}: {string.Join(", ", valid)}";
        return Closest(written, valid) is { } closest
            ? listAll ? $"did you mean '{closest}'? {list}" : $"did you mean '{closest}'?"
            : list;
    }

    /// <summary>The valid name nearest to <paramref name="written"/>, ignoring case, if few enough edits away to be a typo.</summary>
    public static string? Closest(string written, IEnumerable<string> valid)
    {
        // Two edits cover most typos; short names allow one, so that "ic" does not suggest "ai".
        var limit = written.Length <= 3 ? 1 : Math.Max(2, written.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            // The distance is at least the difference in length: skipping those spares a table of written.Length cells per candidate for a long misspelling.
            if (Math.Abs(written.Length - candidate.Length) > limit)
            {
                continue;
            }
            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
