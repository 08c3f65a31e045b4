using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Policies;
using GbaSim.Tests.Model;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Experiments;

/// <summary>Comparing variants with real model runs: seeds are paired, built-in effects are found, identical variants are not.</summary>
[Collection(OneSiloCollection.Name)]
public sealed class ComparisonTests(OneSiloCluster silo)
{
    private readonly SiloRuns _runs = new(silo.Cluster);

    private static ScenarioDefinition Scenario(string name, params PolicyDefinition[] policies) =>
        ModelFixtures.Scenario(scale: 0.03, horizon: 24, seed: 42, policies: policies) with { Name = name };

    /// <summary>Every planned run on the silo, all at once as the CLI submits them, read back as the CLI reads them.</summary>
    private async Task<IReadOnlyList<ReplicationResult>> RunAll(ExperimentPlan plan) => await Task.WhenAll(plan.Runs.Select(async run =>
    {
        var info = await _runs.Run(run.Scenario, threads: 1, seed: run.Seed);
        var months = await _runs.Months(info);
        return new ReplicationResult(run.Label, run.Replication, run.Seed, info.Id, info.ResultHash!, info.Summary!, months.Select(m => m.Figures).ToArray());
    }));

    [Fact]
    public void Replication_i_has_the_same_seed_in_every_scenario_and_seeds_differ_between_replications()
    {
        var plan = new ExperimentPlan(Scenario("base"), [Scenario("a"), Scenario("b")], replications: 5);
        Assert.Equal(15, plan.Runs.Count);
        foreach (var replication in plan.Runs.GroupBy(r => r.Replication))
        {
            Assert.Single(replication.Select(r => r.Seed).Distinct());
        }
        Assert.Equal(5, plan.Runs.Select(r => r.Seed).Distinct().Count());
        Assert.Equal(42UL, plan.Runs.First(r => r.Replication == 0).Seed);
    }

    [Fact]
    public async Task Built_in_effect_is_significant_and_an_identical_variant_is_not()
    {
        var strongPilots = ModelFixtures.Policy(PolicyType.PilotPlatform, parameters: new() { ["extraSlots"] = 400, ["successUplift"] = 0.5 });
        var plan = new ExperimentPlan(Scenario("base"), [Scenario("pilots", strongPilots), Scenario("same")], replications: 6);
        var results = await RunAll(plan);
        var report = ComparisonAnalysis.Analyze(plan, results, ["conversion.transformation", "technologiesStarted"], []);

        var pilots = report.Comparisons.Single(c => c.Variant == "pilots" && c.Metric == "conversion.transformation");
        Assert.True(pilots.Distinguishable, pilots.Verdict);
        Assert.True(pilots.Statistics.Difference.Mean > 0);
        Assert.Contains("raises", pilots.Verdict);

        var same = report.Comparisons.Where(c => c.Variant == "same").ToArray();
        Assert.All(same, c =>
        {
            Assert.False(c.Distinguishable);
            Assert.Equal(0, c.Statistics.Difference.Mean);
            Assert.Contains("unchanged in every replication", c.Verdict);
        });
        // Common random numbers: an identical variant reproduces the baseline run for run.
        Assert.Equal(results.Where(r => r.Label == "base").Select(r => r.ResultHash), results.Where(r => r.Label == "same").Select(r => r.ResultHash));
    }

    [Fact]
    public async Task Cost_effectiveness_divides_the_change_by_extra_policy_spending()
    {
        var funding = ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 2e9);
        var plan = new ExperimentPlan(Scenario("base"), [Scenario("funding", funding)], replications: 3);
        var report = ComparisonAnalysis.Analyze(plan, await RunAll(plan), ["technologiesStarted", "policySpending"], []);
        var started = report.Comparisons.Single(c => c.Metric == "technologiesStarted");
        Assert.True(started.ExtraSpending > 0);
        Assert.Equal(started.Statistics.Difference.Mean / (started.ExtraSpending / 1e8), started.ChangePer100MillionYuan, 9);
    }
}
