using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// A package's lever taken out: the package with one of the policies it adds or changes put back
/// as the baseline has it, run beside the package so that the difference is that lever's part.
/// </summary>
/// <param name="Package">The package's label.</param>
/// <param name="Lever">The name of the policy taken out.</param>
/// <param name="Label">The run's label, <c>package without lever</c>.</param>
/// <param name="Scenario">The package without the lever.</param>
public sealed record LeverRemoval(string Package, string Lever, string Label, ScenarioDefinition Scenario)
{
    /// <summary>
    /// The removals of a variant that is a package: one that adds or changes two or more of the
    /// baseline's policies and otherwise runs as the baseline does (same start, horizon, scale
    /// and world), so that each removal differs from the package by one lever alone.
    /// </summary>
    public static IReadOnlyList<LeverRemoval> Of(ScenarioDefinition baseline, string label, ScenarioDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        var levers = Levers(baseline, variant);
        if (levers.Count < 2 || variant.Sweep is not null || variant.Start != baseline.Start || variant.HorizonMonths != baseline.HorizonMonths
            || variant.Scale != baseline.Scale || !string.Equals(variant.WorldPath, baseline.WorldPath, StringComparison.Ordinal))
        {
            return [];
        }
        var before = baseline.Policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return levers.Select(lever =>
        {
            // A changed lever goes back to the baseline's version; an added one goes.
            var policies = variant.Policies
                .Select(p => p.Name != lever ? p : before.GetValueOrDefault(p.Name))
                .OfType<PolicyDefinition>()
                .ToArray();
            var removal = $"{label} without {lever}";
            return new LeverRemoval(label, lever, removal, variant with { Name = removal, Policies = policies });
        }).ToArray();
    }

    /// <summary>The policies a variant adds to the baseline or changes, in the variant's order.</summary>
    public static IReadOnlyList<string> Levers(ScenarioDefinition baseline, ScenarioDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        return PolicyChange.Between(baseline.Policies, variant.Policies)
            .Where(c => c.Kind is PolicyChange.Added or PolicyChange.Changed)
            .Select(c => c.Name)
            .ToArray();
    }
}
