using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

/// <summary>
/// <c>sweep</c> and <c>fork</c> through <c>extends</c>: inherited when a child leaves them out,
/// replaced whole when it writes them, and checked against the merged scenario.
/// </summary>
public sealed class SweepExtendsTests
{
    private static readonly string Swept = Fixtures.PathOf("swept.yaml");

    [Fact]
    public void Child_inherits_the_parent_sweep_and_fork()
    {
        var scenario = ScenarioLoader.Parse("""
            extends: swept.yaml
            name: child
            """, Fixtures.Inline);

        var axis = Assert.Single(scenario.Sweep!.Axes);
        Assert.Equal(("talent", "attractiveness"), (axis.Policy, axis.Parameter));
        Assert.Equal([0.1, 0.2], axis.Values);
        Assert.Equal(new SourceLocation(Swept, 7, 5), axis.Location);
        Assert.Equal(new YearMonth(2026, 1), scenario.ForkAt);
    }

    [Fact]
    public void Child_sweep_replaces_the_parent_sweep_whole()
    {
        var scenario = ScenarioLoader.Parse("""
            extends: swept.yaml
            name: child
            sweep:
              - policy: ip
                parameter: imitationReduction
                values: [0.25, 0.75]
            """, Fixtures.Inline);

        var axis = Assert.Single(scenario.Sweep!.Axes);
        Assert.Equal(("ip", "imitationReduction"), (axis.Policy, axis.Parameter));
        Assert.Equal(Fixtures.Inline, axis.Location.File);
        Assert.Equal(new YearMonth(2026, 1), scenario.ForkAt);
    }

    [Fact]
    public void Child_fork_replaces_the_parent_fork()
    {
        var scenario = ScenarioLoader.Parse("""
            extends: swept.yaml
            name: child
            fork: { at: 2028-06 }
            """, Fixtures.Inline);

        Assert.Equal(new YearMonth(2028, 6), scenario.ForkAt);
        Assert.Equal("attractiveness", scenario.Sweep!.Axes[0].Parameter);
    }

    [Fact]
    public void Child_sweep_may_vary_a_policy_it_adds()
    {
        var scenario = ScenarioLoader.Parse("""
            extends: swept.yaml
            name: child
            policies:
              - name: pilots
                type: pilot-platform
                start: 2026-01
                budget: 0
            sweep:
              - policy: pilots
                parameter: extraSlots
                values: [5]
            """, Fixtures.Inline);

        Assert.Equal("pilots", Assert.Single(scenario.Sweep!.Axes).Policy);
    }

    [Fact]
    public void Child_sweep_with_an_error_hides_the_parent_sweep_instead_of_falling_back_to_it()
    {
        var error = Fixtures.SingleError("""
            extends: swept.yaml
            name: child
            sweep: []
            """, 3, 8);

        Assert.Equal("'sweep' must have 1 or 2 axes, not 0", error.Message);
    }

    [Fact]
    public void Inherited_sweep_is_checked_against_the_policy_as_the_child_replaced_it()
    {
        // The child turns 'talent' into an IP policy, which has no 'attractiveness'.
        var errors = Fixtures.ErrorsOf("""
            extends: swept.yaml
            name: child
            policies:
              - name: talent
                type: ip-protection
                start: 2025-06
                budget: 0
            """);

        var error = Fixtures.SingleErrorIn(errors, Swept, 8, 16);
        Assert.Equal("unknown parameter 'attractiveness' for a ip-protection policy", error.Message);
    }

    [Fact]
    public void Inherited_fork_is_checked_against_the_child_run_and_reported_in_the_parent()
    {
        var errors = Fixtures.ErrorsOf("""
            extends: swept.yaml
            name: child
            end: 2025-12
            policies:
              - name: talent
                type: talent-attraction
                start: 2025-06
                budget: 0
              - name: ip
                type: ip-protection
                start: 2025-06
                budget: 0
            """);

        var error = Fixtures.SingleErrorIn(errors, Swept, 5, 13);
        Assert.Equal("'fork' at 2026-01 is after the scenario ends in 2025-12", error.Message);
    }
}
