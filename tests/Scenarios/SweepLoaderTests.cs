using GbaSim.Engine.Scenarios;

namespace GbaSim.Tests.Scenarios;

/// <summary>A valid <c>sweep:</c> read into a <see cref="SweepDefinition"/>: axes, values (ranges expanded) and locations.</summary>
public sealed class SweepLoaderTests
{
    private static ScenarioDefinition WithSweep(string sweep) => ScenarioLoader.Parse($"""
        name: pilot-platforms
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        policies:
          - name: pilots
            type: pilot-platform
            start: 2025-06
            budget: 1000000
            parameters:
              extraSlots: 20
        {sweep}
        """, Fixtures.Inline);

    [Fact]
    public void Axis_of_values_keeps_policy_parameter_values_in_order_and_locations()
    {
        var sweep = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [40, 0, 10, 20]
            """).Sweep!;

        var axis = Assert.Single(sweep.Axes);
        Assert.Equal(("pilots", "extraSlots", "pilots.extraSlots"), (axis.Policy, axis.Parameter, axis.Key));
        Assert.Equal([40.0, 0, 10, 20], axis.Values);
        Assert.Equal(new SourceLocation(Fixtures.Inline, 14, 5), axis.Location);
        Assert.Equal(new SourceLocation(Fixtures.Inline, 14, 3), sweep.Location);
        Assert.Equal(4, sweep.PointCount);
    }

    [Fact]
    public void Range_includes_to_despite_floating_point_rounding()
    {
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: successUplift
                range: { from: 0, to: 0.3, step: 0.1 }
            """).Sweep!.Axes[0];

        Assert.Equal([0, 0.1, 0.2, 0.3], axis.Values);
    }

    [Fact]
    public void Range_points_are_the_decimal_values_not_accumulated_floating_point_error()
    {
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: successUplift
                range: { from: 0, to: 1, step: 0.1 }
            """).Sweep!.Axes[0];

        Assert.Equal(Enumerable.Range(0, 11).Select(i => i / 10.0), axis.Values);
    }

    [Fact]
    public void Range_stops_at_the_last_step_not_past_to()
    {
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: successUplift
                range: { from: 0, to: 1, step: 0.3 }
            """).Sweep!.Axes[0];

        Assert.Equal([0, 0.3, 0.6, 0.9], axis.Values);
    }

    [Fact]
    public void Range_from_a_value_to_itself_is_that_one_value()
    {
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                range: { from: 15, to: 15, step: 5 }
            """).Sweep!.Axes[0];

        Assert.Equal([15.0], axis.Values);
    }

    [Fact]
    public void Range_of_exactly_fifty_points_is_accepted()
    {
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: extraSlots
                range: { from: 1, to: 50, step: 1 }
            """).Sweep!.Axes[0];

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (double)i), axis.Values);
    }

    [Fact]
    public void Range_whose_to_is_outside_the_catalogue_range_but_whose_points_are_not_is_accepted()
    {
        // 0.5, 0.75, 1: the next step, 1.25, passes 'to' and is not taken.
        var axis = WithSweep("""
            sweep:
              - policy: pilots
                parameter: successUplift
                range: { from: 0.5, to: 1.1, step: 0.25 }
            """).Sweep!.Axes[0];

        Assert.Equal([0.5, 0.75, 1.0], axis.Values);
    }

    [Fact]
    public void Two_axes_may_vary_two_parameters_of_one_policy_and_budget_is_a_parameter()
    {
        var sweep = WithSweep("""
            sweep:
              - policy: pilots
                parameter: budget
                values: [0, 5e8, 1e9]
              - policy: pilots
                parameter: successUplift
                values: [0.1, 0.2]
            """).Sweep!;

        Assert.Equal(["pilots.budget", "pilots.successUplift"], sweep.Axes.Select(a => a.Key));
        Assert.Equal([0, 5e8, 1e9], sweep.Axes[0].Values);
        Assert.Equal(6, sweep.PointCount);
    }
}
