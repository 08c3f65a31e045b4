using System.Globalization;
using GbaSim.Engine.Figures;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// How a variant's policy differs from the baseline's policy of the same name, value by value
/// (where it was written does not count), so a policy inherited untouched is never "changed".
/// </summary>
public sealed record PolicyChange(string Name, string Kind, IReadOnlyList<string> Differences)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";

    /// <summary>Every policy of either scenario, with what the variant did to it.</summary>
    public static IReadOnlyList<PolicyChange> Between(IReadOnlyList<PolicyDefinition> baseline, IReadOnlyList<PolicyDefinition> variant)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        var before = baseline.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var after = variant.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var changes = variant.Select(p => before.TryGetValue(p.Name, out var old) ? Compare(old, p) : new PolicyChange(p.Name, Added, [])).ToList();
        changes.AddRange(baseline.Where(p => !after.Contains(p.Name)).Select(p => new PolicyChange(p.Name, Removed, [])));
        return changes;
    }

    private static PolicyChange Compare(PolicyDefinition before, PolicyDefinition after)
    {
        var differences = new List<string>();
        void Note(string what, string from, string to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                differences.Add($"{what} {from} → {to}");
            }
        }
        var yuan = FigureFormatter.Default;
        Note("type", before.Type.ToString(), after.Type.ToString());
        Note("start", before.Start.ToString(), after.Start.ToString());
        Note("end", before.End?.ToString() ?? "run end", after.End?.ToString() ?? "run end");
        Note("budget", yuan.Yuan(before.Budget) + " yuan", yuan.Yuan(after.Budget) + " yuan");
        Note("scope", Scope(before), Scope(after));
        foreach (var key in before.Parameters.Keys.Union(after.Parameters.Keys).Order(StringComparer.Ordinal))
        {
            Note(key, Parameter(before, key), Parameter(after, key));
        }
        return new PolicyChange(after.Name, differences.Count == 0 ? Unchanged : Changed, differences);
    }

    private static string Parameter(PolicyDefinition policy, string key) =>
        policy.Parameters.TryGetValue(key, out var value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "default";

    private static string Scope(PolicyDefinition policy)
    {
        var s = policy.Scope;
        var parts = new[]
        {
            string.Join(",", s.Cities), string.Join(",", s.Zones), string.Join(",", s.Sectors), string.Join(",", s.Institutions),
            string.Join(",", s.CityPairs.Select(p => $"{p.A}-{p.B}")),
        };
        return parts.All(p => p.Length == 0) ? "everywhere" : string.Join("; ", parts.Where(p => p.Length > 0));
    }
}
