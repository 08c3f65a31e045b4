using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Tests.Scenarios;

/// <summary>A scenario with a sweep expands to one scenario per point, each with the swept parameters set.</summary>
public sealed class SweepExpansionTests
{
    private static ScenarioDefinition WithSweep(string sweep) => ScenarioLoader.Parse($$"""
        name: pilot-platforms
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        fork: { at: 2025-06 }
        policies:
          - name: research
            type: cross-border-research-funding
            start: 2025-01
            budget: 5000000
          - name: pilots
            type: pilot-platform
            start: 2025-06
            budget: 1000000
            parameters:
              extraSlots: 20
        {{sweep}}
        """, Fixtures.Inline);

    [Fact]
    public void Scenario_without_a_sweep_expands_to_itself()
    {
        var scenario = ScenarioLoader.Load(Fixtures.PathOf("valid.yaml"));

        var point = Assert.Single(SweepExpansion.Expand(scenario));

        Assert.Equal("tiny-valid", point.Label);
        Assert.Empty(point.Coordinates);
        Assert.Same(scenario, point.Scenario);
    }

    [Fact]
    public void List_axis_gives_one_point_per_value_in_order_with_the_parameter_set()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [0, 10, 20, 40]
            """);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(
            ["pilot-platforms[extraSlots=0]", "pilot-platforms[extraSlots=10]", "pilot-platforms[extraSlots=20]", "pilot-platforms[extraSlots=40]"],
            points.Select(p => p.Label));
        Assert.Equal([0.0, 10, 20, 40], points.Select(p => p.Coordinates["pilots.extraSlots"]));
        Assert.All(points, p => Assert.Equal(p.Label, p.Scenario.Name));
        Assert.Equal([0.0, 10, 20, 40], points.Select(p => p.Scenario.Policies[1].Parameters["extraSlots"]));
        Assert.Equal([0.0, 10, 20, 40], points.Select(p => p.Scenario.PolicySpecs()[1].Parameter("extraSlots")));
    }

    [Fact]
    public void Copies_have_no_sweep_and_keep_everything_else()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [0, 40]
            """);

        var copy = SweepExpansion.Expand(scenario)[1].Scenario;

        Assert.Null(copy.Sweep);
        Assert.Equal(scenario.ForkAt, copy.ForkAt);
        Assert.Equal((scenario.Seed, scenario.Start, scenario.HorizonMonths, scenario.Scale, scenario.SourcePath, scenario.Text),
            (copy.Seed, copy.Start, copy.HorizonMonths, copy.Scale, copy.SourcePath, copy.Text));
        Assert.Same(scenario.World, copy.World);
        Assert.Same(scenario.Policies[0], copy.Policies[0]);
        Assert.Equal(1_000_000, copy.Policies[1].Budget);
        Assert.Equal(scenario.Policies[1].Location, copy.Policies[1].Location);
    }

    [Fact]
    public void Expanding_leaves_the_swept_scenario_unchanged()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [0, 40]
            """);

        SweepExpansion.Expand(scenario);

        Assert.Equal("pilot-platforms", scenario.Name);
        Assert.Equal(20, scenario.Policies[1].Parameters["extraSlots"]);
        Assert.NotNull(scenario.Sweep);
    }

    [Fact]
    public void Range_axis_of_0_to_0_3_by_0_1_gives_four_points_with_clean_labels()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: successUplift
                range: { from: 0, to: 0.3, step: 0.1 }
            """);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(
            ["pilot-platforms[successUplift=0]", "pilot-platforms[successUplift=0.1]", "pilot-platforms[successUplift=0.2]", "pilot-platforms[successUplift=0.3]"],
            points.Select(p => p.Label));
        Assert.Equal([0, 0.1, 0.2, 0.3], points.Select(p => p.Scenario.PolicySpecs()[1].Parameter("successUplift")));
        // The parameter not swept keeps the value the scenario gave it.
        Assert.All(points, p => Assert.Equal(20, p.Scenario.PolicySpecs()[1].Parameter("extraSlots")));
    }

    [Fact]
    public void Two_axes_form_a_grid_with_the_first_axis_outer()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [10, 20, 40]
              - policy: pilots
                parameter: successUplift
                range: { from: 0.1, to: 0.2, step: 0.1 }
            """);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(
            [
                "pilot-platforms[extraSlots=10,successUplift=0.1]",
                "pilot-platforms[extraSlots=10,successUplift=0.2]",
                "pilot-platforms[extraSlots=20,successUplift=0.1]",
                "pilot-platforms[extraSlots=20,successUplift=0.2]",
                "pilot-platforms[extraSlots=40,successUplift=0.1]",
                "pilot-platforms[extraSlots=40,successUplift=0.2]",
            ],
            points.Select(p => p.Label));
        Assert.Equal(
            [(10.0, 0.1), (10, 0.2), (20, 0.1), (20, 0.2), (40, 0.1), (40, 0.2)],
            points.Select(p => (p.Coordinates["pilots.extraSlots"], p.Coordinates["pilots.successUplift"])));
        Assert.All(points, p =>
        {
            var spec = p.Scenario.PolicySpecs()[1];
            Assert.Equal((p.Coordinates["pilots.extraSlots"], p.Coordinates["pilots.successUplift"]), (spec.Parameter("extraSlots"), spec.Parameter("successUplift")));
            Assert.Equal(2, p.Coordinates.Count);
        });
    }

    [Fact]
    public void Budget_axis_sets_the_policy_budget()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: pilots
                parameter: budget
                values: [0, 2.5e9]
            """);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(["pilot-platforms[budget=0]", "pilot-platforms[budget=2500000000]"], points.Select(p => p.Label));
        Assert.Equal([0, 2.5e9], points.Select(p => p.Scenario.Policies[1].Budget));
        Assert.Equal([0, 2.5e9], points.Select(p => p.Scenario.PolicySpecs()[1].Budget));
        Assert.All(points, p => Assert.Equal(20, p.Scenario.Policies[1].Parameters["extraSlots"]));
    }

    [Fact]
    public void Axes_of_two_policies_with_the_same_parameter_are_labelled_by_policy_and_parameter()
    {
        var scenario = WithSweep("""
            sweep:
              - policy: research
                parameter: budget
                values: [0]
              - policy: pilots
                parameter: budget
                values: [1, 2]
            """);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(["pilot-platforms[research.budget=0,pilots.budget=1]", "pilot-platforms[research.budget=0,pilots.budget=2]"], points.Select(p => p.Label));
        Assert.Equal([(0.0, 1.0), (0, 2)], points.Select(p => (p.Scenario.Policies[0].Budget, p.Scenario.Policies[1].Budget)));
    }

    [Fact]
    public void Sweep_example_in_the_library_expands_to_four_pilot_capacities()
    {
        var scenario = ScenarioLoader.Load(Repository.PathOf("scenarios/sweeps/pilot-capacity.yaml"));

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal((36, 0.05), (scenario.HorizonMonths, scenario.Scale));
        Assert.Equal(
            ["pilot-capacity[extraSlots=0]", "pilot-capacity[extraSlots=10]", "pilot-capacity[extraSlots=20]", "pilot-capacity[extraSlots=40]"],
            points.Select(p => p.Label));
        Assert.All(points, p => Assert.Equal(
            p.Coordinates["science-city-pilot-platforms.extraSlots"],
            p.Scenario.Policies.Single(q => q.Name == "science-city-pilot-platforms").Parameters["extraSlots"]));
    }
}
