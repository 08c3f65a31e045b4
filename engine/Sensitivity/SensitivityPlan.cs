using System.Globalization;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Every run a sensitivity analysis makes: one scenario per design point (the factors set to the
/// point's values), each replicated R times, replication i seeded alike at every point (common
/// random numbers), so that differences between points come from the factors, not the draws.
/// </summary>
public sealed class SensitivityPlan
{
    /// <param name="size">Trajectories (Morris) or base samples N (Sobol).</param>
    public SensitivityPlan(ScenarioDefinition scenario, IReadOnlyList<SensitivityFactor> factors, SensitivityMethod method, int size, int replications)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        Scenario = scenario;
        Factors = factors;
        Method = method;
        Replications = replications;
        // The design is drawn from the scenario's seed, so the same command plans the same runs.
        var designSeed = unchecked((int)(scenario.Seed % int.MaxValue));
        IReadOnlyList<double[]> unitPoints;
        if (method == SensitivityMethod.Morris)
        {
            Morris = new MorrisDesign(factors.Count, size, designSeed);
            unitPoints = Morris.Points;
        }
        else
        {
            Sobol = new SobolDesign(factors.Count, size, designSeed);
            unitPoints = Sobol.Points;
        }
        Points = unitPoints.Select((unit, p) =>
        {
            var values = factors.Select((f, i) => f.ValueAt(unit[i])).ToArray();
            var label = $"{scenario.Name}[point-{(p + 1).ToString("D4", CultureInfo.InvariantCulture)}]";
            var point = factors.Zip(values).Aggregate(scenario, (s, fv) => fv.First.Apply(s, fv.Second)) with { Name = label, Sweep = null };
            return new PlannedRun(label, point, 0, 0, factors.Zip(values).ToDictionary(fv => fv.First.Name, fv => fv.Second, StringComparer.Ordinal));
        }).ToArray();
        Runs = Enumerable.Range(0, replications)
            .SelectMany(i => Points.Select(p => p with { Replication = i, Seed = ReplicationSeeds.Of(scenario.Seed, i) }))
            .ToArray();
    }

    public ScenarioDefinition Scenario { get; }

    public IReadOnlyList<SensitivityFactor> Factors { get; }

    public SensitivityMethod Method { get; }

    public int Replications { get; }

    /// <summary>The Morris design, when the method is Morris.</summary>
    public MorrisDesign? Morris { get; }

    /// <summary>The Saltelli design, when the method is Sobol.</summary>
    public SobolDesign? Sobol { get; }

    /// <summary>One run per design point (replication 0), in design order; coordinates are the factors' values.</summary>
    public IReadOnlyList<PlannedRun> Points { get; }

    /// <summary>Every run, replication by replication.</summary>
    public IReadOnlyList<PlannedRun> Runs { get; }
}
