using System.Text.Json;
using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model;

/// <summary>
/// A variant branched from the baseline's state at the month its policy starts gives exactly
/// the run of the variant from the start: the same months, summary and result hash.
/// </summary>
public sealed class ForkTests
{
    private const double Scale = 0.03;
    private const int Horizon = 18;
    private static readonly YearMonth ForkAt = new(2025, 7);
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The baseline: research funding from the first month, so a policy is spending when the run forks.</summary>
    private static ScenarioDefinition Baseline(params PolicyDefinition[] more) =>
        ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: 23, policies: [ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 5e9), .. more]) with { Name = "baseline" };

    private static ScenarioDefinition Variant(string name, params PolicyDefinition[] policies) => Baseline(policies) with { Name = name };

    private static PolicyDefinition Pilots(string start = "2025-07") =>
        ModelFixtures.Policy(PolicyType.PilotPlatform, start: start, parameters: new() { ["extraSlots"] = 200, ["successUplift"] = 0.3 });

    private static PolicyDefinition Facilitation(string start = "2025-07", double budget = 1e9) =>
        ModelFixtures.Policy(PolicyType.CrossBorderFacilitation, start: start, budget: budget, scope: new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]), parameters: new() { ["talentFrictionReduction"] = 0.9 });

    private static (RunResult Result, List<MonthRecord> Months) FromTheStart(ScenarioDefinition scenario, int threads = 1)
    {
        var months = new List<MonthRecord>();
        var result = ScenarioRunner.Run(scenario, new RunOptions { Threads = threads, Partitions = 16 }, months.Add);
        return (result, months);
    }

    private static (RunResult Result, List<MonthRecord> Months) Finish(ScenarioRun branch)
    {
        var months = branch.History.ToList();
        var result = branch.Execute(months.Add);
        return (result, months);
    }

    private static void AssertSameRun((RunResult Result, List<MonthRecord> Months) expected, (RunResult Result, List<MonthRecord> Months) actual)
    {
        Assert.Equal(expected.Result.ResultHash, actual.Result.ResultHash);
        Assert.Equal(expected.Result.Summary, actual.Result.Summary);
        Assert.Equal((expected.Result.Scenario, expected.Result.Seed, expected.Result.Scale, expected.Result.Months, expected.Result.Steps),
            (actual.Result.Scenario, actual.Result.Seed, actual.Result.Scale, actual.Result.Months, actual.Result.Steps));
        Assert.Equal(expected.Months.Count, actual.Months.Count);
        for (var i = 0; i < expected.Months.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(expected.Months[i], Json), JsonSerializer.Serialize(actual.Months[i], Json));
        }
    }

    public static TheoryData<string, int> Variants => new()
    {
        { "pilots-at-the-fork", 1 },
        { "pilots-at-the-fork", 2 },
        { "facilitation-after-the-fork", 1 },
        { "facilitation-after-the-fork", 2 },
    };

    private static ScenarioDefinition Named(string name) => name switch
    {
        "pilots-at-the-fork" => Variant(name, Pilots()),
        _ => Variant(name, Facilitation(start: "2025-10")),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Variant_branched_at_the_fork_equals_the_variant_run_from_the_start(string name, int threads)
    {
        var variant = Named(name);
        var expected = FromTheStart(variant, threads: 1);

        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = threads, Partitions = 16 });
        past.RunUntil(ForkAt);
        Assert.Equal(6, past.Step);
        Assert.Equal(5, past.History.Count);
        using var branch = ScenarioRun.Branch(past, variant);
        Assert.Equal(6, branch.Step);
        Assert.Equal(past.MonthsDone, branch.MonthsDone);

        AssertSameRun(expected, Finish(branch));
    }

    [Fact]
    public void A_fork_at_the_first_month_is_a_run_from_the_start()
    {
        var variant = Variant("pilots", Pilots());
        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = 2 });
        past.RunUntil(new YearMonth(2025, 1));
        Assert.Equal(0, past.Step);
        using var branch = ScenarioRun.Branch(past, variant);
        Assert.Empty(branch.History);
        AssertSameRun(FromTheStart(variant), Finish(branch));
    }

    [Fact]
    public void Variants_branched_from_one_past_are_independent_and_the_past_can_continue()
    {
        var pilots = Variant("pilots", Pilots());
        var facilitation = Variant("facilitation", Facilitation());
        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = 2, Partitions = 16 });
        past.RunUntil(ForkAt);
        var pastHistory = past.History.Select(m => JsonSerializer.Serialize(m, Json)).ToArray();

        using var first = ScenarioRun.Branch(past, pilots);
        using var second = ScenarioRun.Branch(past, facilitation);
        var firstRun = Finish(first);
        // The second branch was made before the first ran, and a third after it: neither sees the first's months.
        using var third = ScenarioRun.Branch(past, facilitation);
        var secondRun = Finish(second);
        var thirdRun = Finish(third);

        AssertSameRun(FromTheStart(pilots), firstRun);
        AssertSameRun(FromTheStart(facilitation), secondRun);
        AssertSameRun(secondRun, thirdRun);
        Assert.NotEqual(firstRun.Result.ResultHash, secondRun.Result.ResultHash);

        // The past itself is untouched by its branches and runs on as the baseline.
        Assert.Equal(pastHistory, past.History.Select(m => JsonSerializer.Serialize(m, Json)));
        var baseline = FromTheStart(Baseline());
        using var continuation = ScenarioRun.Branch(past, Baseline());
        AssertSameRun(baseline, Finish(continuation));
        var months = past.History.ToList();
        AssertSameRun(baseline, (past.Execute(months.Add), months));
    }

    [Fact]
    public void Months_before_the_fork_list_the_variants_policies_with_nothing_spent_by_the_new_ones()
    {
        var variant = Variant("pilots", Pilots());
        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = 1 });
        past.RunUntil(ForkAt);
        using var branch = ScenarioRun.Branch(past, variant);
        var month = branch.History[^1];
        Assert.Equal(["cross-border-research-funding", "pilot-platform"], month.Policies.Select(p => p.Name));
        Assert.True(month.Policies[0].SpentToDate > 0);
        Assert.Equal(0, month.Policies[1].SpentToDate);
        Assert.Single(past.History[^1].Policies);
    }

    [Fact]
    public void A_baseline_policy_not_yet_started_may_change_in_the_variant()
    {
        var baseline = Baseline(Facilitation(start: "2025-10", budget: 1e9));
        var variant = Baseline(Facilitation(start: "2025-08", budget: 3e9), Pilots("2025-09")) with { Name = "changed" };
        using var past = new ScenarioRun(baseline, new RunOptions { Threads = 2 });
        past.RunUntil(ForkAt);
        using var branch = ScenarioRun.Branch(past, variant);
        AssertSameRun(FromTheStart(variant), Finish(branch));
    }

    [Fact]
    public void A_variant_whose_new_policy_starts_before_the_fork_is_refused()
    {
        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = 1 });
        past.RunUntil(ForkAt);
        var error = Assert.Throws<ArgumentException>(() => ScenarioRun.Branch(past, Variant("early-pilots", Pilots(start: "2025-04"))));
        Assert.Contains("Variant 'early-pilots' cannot be forked from 'baseline' at 2025-07", error.Message);
        Assert.Contains("its policy 'pilot-platform' starts in 2025-04, before the fork", error.Message);
        Assert.Contains("fork at 2025-04 or earlier", error.Message);
    }

    [Fact]
    public void A_variant_that_changes_what_acts_before_the_fork_is_refused()
    {
        using var past = new ScenarioRun(Baseline(), new RunOptions { Threads = 1 });
        past.RunUntil(ForkAt);

        var richer = ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: 23, policies: [ModelFixtures.Policy(PolicyType.CrossBorderResearchFunding, budget: 6e9)]) with { Name = "richer" };
        var budget = Assert.Throws<ArgumentException>(() => ScenarioRun.Branch(past, richer));
        Assert.Contains("its policy 'cross-border-research-funding' differs from the baseline's before the fork (with budget 6000000000 rather than 5000000000)", budget.Message);

        var without = ModelFixtures.Scenario(scale: Scale, horizon: Horizon, seed: 23) with { Name = "without" };
        Assert.Contains("lacks the baseline's policy", Assert.Throws<ArgumentException>(() => ScenarioRun.Branch(past, without)).Message);

        var longer = Baseline() with { Name = "longer", HorizonMonths = Horizon + 6 };
        Assert.Contains("ending in", Assert.Throws<ArgumentException>(() => ScenarioRun.Branch(past, longer)).Message);

        var otherWorld = Baseline() with { Name = "other-world", World = ModelFixtures.World(ModelParameters.Default with { MigrationMonthly = 0.01 }) };
        Assert.Contains("different world", Assert.Throws<ArgumentException>(() => ScenarioRun.Branch(past, otherWorld)).Message);
    }

    [Fact]
    public void Only_a_past_stopped_with_RunUntil_can_be_branched_and_not_beyond_the_horizon()
    {
        using var run = new ScenarioRun(Baseline(), new RunOptions { Threads = 1 });
        Assert.Throws<ArgumentException>(() => run.RunUntil(new YearMonth(2027, 1)));
        Assert.Throws<ArgumentException>(() => run.RunUntil(new YearMonth(2024, 12)));
        run.Execute();
        Assert.Throws<InvalidOperationException>(() => run.RunUntil(ForkAt));
        Assert.Throws<InvalidOperationException>(() => ScenarioRun.Branch(run, Variant("late", Pilots())));
    }
}
