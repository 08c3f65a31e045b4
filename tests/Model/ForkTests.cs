using GbaSim.Contracts;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>
/// A variant branched on the silo from the baseline's state at the month its policy starts (an
/// experiment's fork group) gives exactly the run of the variant from the start: the same months,
/// chain records, policy spending, summary and result hash.
/// </summary>
[Collection(OneSiloCollection.Name)]
public sealed class ForkTests(OneSiloCluster silo)
{
    private const double Scale = 0.03;
    private const int Horizon = 18;
    private const ulong Seed = 23;
    private const string ForkAt = "2025-07";
    private static readonly string[] Tables = ["months", "transitions", "flows", "policies"];

    private readonly SiloRuns _runs = new(silo.Cluster);

    /// <summary>The baseline: research funding from the first month, so a policy is spending when the run forks.</summary>
    private static ScenarioDefinition Baseline(params PolicyDefinition[] more) =>
        ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: Seed, policies: [ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 5e9), .. more]) with { Name = "baseline" };

    private static ScenarioDefinition Variant(string name, params PolicyDefinition[] policies) => Baseline(policies) with { Name = name };

    private static PolicyDefinition Pilots(string start = ForkAt) =>
        ModelFixtures.Policy(PolicyType.PilotPlatform, start: start, parameters: new() { ["extraSlots"] = 200, ["successUplift"] = 0.3 });

    private static PolicyDefinition Facilitation(string start = ForkAt, double budget = 1e9) =>
        ModelFixtures.Policy(PolicyType.CrossBorderFacilitation, start: start, budget: budget, scope: new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]), parameters: new() { ["talentFrictionReduction"] = 0.9 });

    private Task<ExperimentInfo> Submit(ScenarioDefinition baseline, IEnumerable<ScenarioDefinition> variants, string forkAt = ForkAt, int? threads = null) =>
        silo.Cluster.Client.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key)
            .SubmitExperiment(new ExperimentRequest(_runs.Submitted(baseline), variants.Select(_runs.Submitted).ToArray(), [Seed], null, forkAt, threads));

    /// <summary>Runs the experiment to its end; its runs by label, each completed.</summary>
    private async Task<Dictionary<string, RunInfo>> Experiment(ScenarioDefinition baseline, IEnumerable<ScenarioDefinition> variants, string forkAt = ForkAt, int? threads = null)
    {
        var experiment = await Submit(baseline, variants, forkAt, threads);
        var runs = new Dictionary<string, RunInfo>();
        foreach (var run in experiment.Runs)
        {
            var final = await silo.Cluster.Finished(run.Run.Id);
            Assert.True(final.Status == RunStatusNames.Completed, $"{run.Label} ended {final.Status}: {final.Error}");
            runs[run.Label] = final;
        }
        return runs;
    }

    private async Task AssertSameRun(RunInfo expected, RunInfo actual)
    {
        Assert.Equal(expected.ResultHash, actual.ResultHash);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal((expected.Scenario, expected.Seed, expected.Scale, expected.Months, expected.MonthsDone),
            (actual.Scenario, actual.Seed, actual.Scale, actual.Months, actual.MonthsDone));
        foreach (var table in Tables)
        {
            Assert.Equal(await _runs.Table(expected, table), await _runs.Table(actual, table));
        }
    }

    public static TheoryData<string, int> Variants => new()
    {
        { "pilots-at-the-fork", 1 },
        { "facilitation-after-the-fork", 0 },
    };

    private static ScenarioDefinition Named(string name) => name switch
    {
        "pilots-at-the-fork" => Variant(name, Pilots()),
        _ => Variant(name, Facilitation(start: "2025-10")),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Variant_branched_at_the_fork_equals_the_variant_run_from_the_start(string name, int threads)
    {
        var variant = Named(name);
        var branched = await Experiment(Baseline(), [variant], threads: threads);

        Assert.Equal(Horizon, branched[name].MonthsDone);
        await AssertSameRun(await _runs.Run(variant), branched[name]);
    }

    [Fact]
    public async Task A_fork_at_the_first_month_is_a_run_from_the_start()
    {
        var variant = Variant("pilots", Pilots());
        var branched = await Experiment(Baseline(), [variant], forkAt: "2025-01");
        await AssertSameRun(await _runs.Run(variant), branched["pilots"]);
    }

    [Fact]
    public async Task Variants_branched_from_one_past_are_independent_and_the_baseline_runs_on_as_itself()
    {
        var pilots = Variant("pilots", Pilots());
        var facilitation = Variant("facilitation", Facilitation());
        var group = await Experiment(Baseline(), [pilots, facilitation]);

        await AssertSameRun(await _runs.Run(pilots), group["pilots"]);
        await AssertSameRun(await _runs.Run(facilitation), group["facilitation"]);
        await AssertSameRun(await _runs.Run(Baseline()), group["baseline"]);
        Assert.NotEqual(group["pilots"].ResultHash, group["facilitation"].ResultHash);
    }

    [Fact]
    public async Task A_baseline_policy_not_yet_started_may_change_in_the_variant()
    {
        var baseline = Baseline(Facilitation(start: "2025-10", budget: 1e9));
        var variant = Baseline(Facilitation(start: "2025-08", budget: 3e9), Pilots("2025-09")) with { Name = "changed" };
        var branched = await Experiment(baseline, [variant]);
        await AssertSameRun(await _runs.Run(variant), branched["changed"]);
    }

    [Fact]
    public async Task A_variant_whose_new_policy_starts_before_the_fork_is_refused()
    {
        var error = await Assert.ThrowsAsync<RequestRejectedException>(() => Submit(Baseline(), [Variant("early-pilots", Pilots(start: "2025-04"))]));
        Assert.Equal(RejectionKind.BadArgument, error.Kind);
        Assert.Contains("Variant 'early-pilots' cannot be forked from 'baseline' at 2025-07", error.Message);
        Assert.Contains("its policy 'pilot-platform' starts in 2025-04, before the fork", error.Message);
        Assert.Contains("fork at 2025-04 or earlier", error.Message);
    }

    [Fact]
    public async Task A_variant_that_changes_what_acts_before_the_fork_is_refused()
    {
        async Task<string> Refusal(ScenarioDefinition variant) => (await Assert.ThrowsAsync<RequestRejectedException>(() => Submit(Baseline(), [variant]))).Message;

        var richer = ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: Seed, policies: [ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 6e9)]) with { Name = "richer" };
        Assert.Contains("its policy 'cross-border-research-funding' differs from the baseline's before the fork (with budget 6000000000 rather than 5000000000)", await Refusal(richer));
        var without = ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: Seed) with { Name = "without" };
        Assert.Contains("lacks the baseline's policy", await Refusal(without));
        Assert.Contains("ending in", await Refusal(Baseline() with { Name = "longer", HorizonMonths = Horizon + 6 }));
        Assert.Contains("different world", await Refusal(Baseline() with { Name = "other-world", World = ModelFixtures.World(ModelParameters.Default with { MigrationMonthly = 0.01 }) }));
    }

    [Theory]
    [InlineData("2024-12")]
    [InlineData("2026-07")]
    public async Task A_fork_outside_the_baseline_is_refused(string forkAt)
    {
        var error = await Assert.ThrowsAsync<RequestRejectedException>(() => Submit(Baseline(), [Variant("pilots", Pilots())], forkAt));
        Assert.Contains("the fork month is outside", error.Message);
    }
}
