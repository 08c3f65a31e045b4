using System.Globalization;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Runs;

/// <summary>
/// The rules of forking: when a variant may start from another scenario's state at a month,
/// and how the shared months read as the variant's own. A variant may branch from a past at
/// month m when nothing it changes acts before m: the same world and start, every policy of the
/// past at the same place, those acting before m unchanged, and new policies appended, starting
/// at m or later. Then the branch gives exactly the run of the variant from the start, because
/// nothing before m could tell the two apart (a policy that has not started never acts, and
/// random numbers depend only on seed, grain and step).
/// </summary>
public static class ScenarioFork
{
    /// <summary>The step at which a run of <paramref name="scenario"/> forks at <paramref name="forkAt"/>: the months before it.</summary>
    public static int StepOf(ScenarioDefinition scenario, YearMonth forkAt)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (forkAt < scenario.Start || forkAt > scenario.End)
        {
            throw new ArgumentException($"The fork month {forkAt} is outside scenario '{scenario.Name}', which runs from {scenario.Start} to {scenario.End}.", nameof(forkAt));
        }
        return scenario.Start.MonthsUntil(forkAt);
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/>, saying what differs, unless <paramref name="variant"/>
    /// can start from the state <paramref name="past"/> reaches at <paramref name="forkAt"/>.
    /// </summary>
    public static void Check(ScenarioDefinition past, ScenarioDefinition variant, YearMonth forkAt)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(variant);
        var problem = Problem(past, variant, forkAt);
        if (problem is not null)
        {
            throw new ArgumentException($"Variant '{variant.Name}' cannot be forked from '{past.Name}' at {forkAt}: {problem}.");
        }
    }

    /// <summary>Why <paramref name="variant"/> cannot start from <paramref name="past"/>'s state at <paramref name="forkAt"/>, or null if it can.</summary>
    public static string? Problem(ScenarioDefinition past, ScenarioDefinition variant, YearMonth forkAt)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.Start != past.Start)
        {
            return $"it starts in {variant.Start}, the baseline in {past.Start}; a fork shares the months from the start";
        }
        foreach (var scenario in new[] { past, variant })
        {
            if (forkAt < scenario.Start || forkAt > scenario.End)
            {
                return $"the fork month is outside '{scenario.Name}', which runs from {scenario.Start} to {scenario.End}";
            }
        }
        if (WorldDifference(past.World, variant.World) is { } world)
        {
            return $"it runs on a different world ({world}); a fork shares the world of its past";
        }
        var step = past.Start.MonthsUntil(forkAt);
        var before = past.PolicySpecs();
        var after = variant.PolicySpecs();
        for (var i = 0; i < before.Count; i++)
        {
            if (i >= after.Count)
            {
                return $"it lacks the baseline's policy '{before[i].Name}'; a forked variant keeps every policy of its past, in the same order, and may add policies after them";
            }
            if (before[i].StartStep >= step && after[i].StartStep >= step)
            {
                // Neither acts before the fork: the variant may change it freely.
                continue;
            }
            if (PolicyDifference(before[i], after[i], past.Start) is { } difference)
            {
                return before[i].Name == after[i].Name
                    ? $"its policy '{after[i].Name}' differs from the baseline's before the fork ({difference}); a forked variant may change a policy only if it starts at the fork month or later in both"
                    : $"its policy #{i + 1} is '{after[i].Name}' where the baseline has '{before[i].Name}', which acts before the fork; a forked variant keeps the baseline's policies in the same order and appends its own";
            }
        }
        for (var i = before.Count; i < after.Count; i++)
        {
            if (after[i].StartStep < step)
            {
                return $"its policy '{after[i].Name}' starts in {past.Start.AddMonths(after[i].StartStep)}, before the fork; "
                    + $"a new policy must start at the fork month or later: fork at {past.Start.AddMonths(after[i].StartStep)} or earlier, or run the variant from the start";
            }
        }
        return null;
    }

    /// <summary>A month of the shared past as the variant records it: its own policies, those not yet started having spent nothing.</summary>
    public static MonthRecord ForVariant(MonthRecord month, ScenarioDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(month);
        return month with { Policies = PoliciesFor(month.Policies, variant) };
    }

    /// <summary>
    /// The policy figures of a month of the past as the variant records them: policies it shares
    /// with the past spent what they spent (a changed one has not started, so nothing), and new
    /// ones, which start at the fork or later, nothing.
    /// </summary>
    public static IReadOnlyList<PolicyMonth> PoliciesFor(IReadOnlyList<PolicyMonth> past, ScenarioDefinition variant)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(variant);
        if (past.Count == 0)
        {
            // Nothing observed yet (before the first step): nothing to translate.
            return past;
        }
        return variant.Policies.Select((policy, i) => i < past.Count
            ? past[i] with { Name = policy.Name, Type = PolicyCatalog.NameOf(policy.Type), Budget = policy.Budget }
            : new PolicyMonth(policy.Name, PolicyCatalog.NameOf(policy.Type), 0, 0, policy.Budget)).ToArray();
    }

    private static string? PolicyDifference(PolicySpec a, PolicySpec b, YearMonth start)
    {
        if (a.Name != b.Name)
        {
            return $"named '{b.Name}' rather than '{a.Name}'";
        }
        if (a.Type != b.Type)
        {
            return $"of type {PolicyCatalog.NameOf(b.Type)} rather than {PolicyCatalog.NameOf(a.Type)}";
        }
        if (a.StartStep != b.StartStep)
        {
            return $"starting in {start.AddMonths(b.StartStep)} rather than {start.AddMonths(a.StartStep)}";
        }
        if (a.EndStep != b.EndStep)
        {
            return $"ending in {start.AddMonths(b.EndStep)} rather than {start.AddMonths(a.EndStep)}";
        }
        if (a.Budget.CompareTo(b.Budget) != 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"with budget {b.Budget:R} rather than {a.Budget:R}");
        }
        if (a.BudgetPer != b.BudgetPer)
        {
            return $"with a budget per {b.BudgetPer.FileName()} rather than per {a.BudgetPer.FileName()}";
        }
        if (!a.Scope.Cities.SequenceEqual(b.Scope.Cities) || !a.Scope.Zones.SequenceEqual(b.Scope.Zones)
            || !a.Scope.Sectors.SequenceEqual(b.Scope.Sectors) || !a.Scope.Institutions.SequenceEqual(b.Scope.Institutions, StringComparer.Ordinal)
            || !a.Scope.CityPairs.SequenceEqual(b.Scope.CityPairs))
        {
            return "with another scope";
        }
        var names = a.Parameters.Keys.Union(b.Parameters.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (a.Parameter(name).CompareTo(b.Parameter(name)) != 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"with {name} {b.Parameter(name):R} rather than {a.Parameter(name):R}");
            }
        }
        return null;
    }

    private static string? WorldDifference(WorldDefinition a, WorldDefinition b)
    {
        if (ReferenceEquals(a, b))
        {
            return null;
        }
        if (a.Parameters != b.Parameters)
        {
            return "other model parameters";
        }
        if (a.Cities.Count != b.Cities.Count || a.Cities.Zip(b.Cities).Any(p => !SameCity(p.First, p.Second)))
        {
            return "other city data";
        }
        if (a.Institutions.Count != b.Institutions.Count || a.Institutions.Zip(b.Institutions).Any(p => !SameInstitution(p.First, p.Second)))
        {
            return "other institutions";
        }
        if (!a.Links.SequenceEqual(b.Links))
        {
            return "other links between cities";
        }
        return null;
    }

    private static bool SameCity(CityDefinition a, CityDefinition b) =>
        a.City == b.City && a.Talent.Equals(b.Talent) && a.MonthlyWage.Equals(b.MonthlyWage) && a.LivingCost.Equals(b.LivingCost) && a.Firms == b.Firms
        && a.TalentLevelShares.SequenceEqual(b.TalentLevelShares) && a.SectorShares.SequenceEqual(b.SectorShares)
        && a.ZoneShares.Count == b.ZoneShares.Count && a.ZoneShares.All(z => b.ZoneShares.TryGetValue(z.Key, out var share) && share.Equals(z.Value));

    private static bool SameInstitution(InstitutionDefinition a, InstitutionDefinition b) =>
        a.Key == b.Key && a.Name == b.Name && a.Kind == b.Kind && a.City == b.City && a.Zone == b.Zone && a.Researchers == b.Researchers
        && a.Quality.Equals(b.Quality) && a.GraduatesPerYear == b.GraduatesPerYear && a.Capacity.Equals(b.Capacity) && a.Capital.Equals(b.Capital)
        && a.FeeRate.Equals(b.FeeRate) && a.Sectors.SequenceEqual(b.Sectors) && a.Stages.SequenceEqual(b.Stages);
}
