using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// A comparison of variants against a baseline: every scenario (sweeps expanded into their
/// points) replicated R times, replication i seeded alike in all of them; a package of levers
/// also runs once without each of its levers.
/// </summary>
public sealed class ExperimentPlan
{
    public ExperimentPlan(ScenarioDefinition baseline, IReadOnlyList<ScenarioDefinition> variants, int replications)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 2);
        Baseline = baseline;
        Replications = replications;
        var labels = new HashSet<string>(StringComparer.Ordinal) { baseline.Name };
        var points = new List<(string Label, ScenarioDefinition Scenario, IReadOnlyDictionary<string, double> Coordinates)>();
        foreach (var variant in variants)
        {
            foreach (var point in SweepExpansion.Expand(variant))
            {
                var label = point.Label;
                for (var n = 2; !labels.Add(label); n++)
                {
                    label = $"{point.Label} ({n})";
                }
                points.Add((label, point.Scenario, point.Coordinates));
            }
        }
        Variants = points;
        Removals = points.Where(p => p.Coordinates.Count == 0).SelectMany(p => LeverRemoval.Of(baseline, p.Label, p.Scenario))
            .Where(r => labels.Add(r.Label))
            .ToArray();
        var none = (IReadOnlyDictionary<string, double>)new Dictionary<string, double>();
        Runs = Enumerable.Range(0, replications)
            .SelectMany(i => new[] { (Label: baseline.Name, Scenario: baseline, Coordinates: none, Removal: (LeverRemoval?)null) }
                .Concat(points.Select(p => (p.Label, p.Scenario, p.Coordinates, Removal: (LeverRemoval?)null)))
                .Concat(Removals.Select(r => (r.Label, r.Scenario, Coordinates: none, Removal: (LeverRemoval?)r)))
                .Select(s => new PlannedRun(s.Label, s.Scenario, i, ReplicationSeeds.Of(baseline.Seed, i), s.Coordinates, s.Removal)))
            .ToArray();
    }

    public ScenarioDefinition Baseline { get; }

    public int Replications { get; }

    /// <summary>The variants as run: each sweep point is a variant of its own.</summary>
    public IReadOnlyList<(string Label, ScenarioDefinition Scenario, IReadOnlyDictionary<string, double> Coordinates)> Variants { get; }

    /// <summary>For every variant that is a package of levers, each lever taken out once: run beside it to measure each lever's contribution.</summary>
    public IReadOnlyList<LeverRemoval> Removals { get; }

    /// <summary>Every run, replication by replication.</summary>
    public IReadOnlyList<PlannedRun> Runs { get; }
}
