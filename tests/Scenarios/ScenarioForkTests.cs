using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

/// <summary><c>fork: { at: YYYY-MM }</c>: the month a variant branches off its baseline, after the start and within the run.</summary>
public sealed class ScenarioForkTests
{
    /// <summary>A run from 2025-01 to 2026-12; <paramref name="fork"/> is written at line 6, column 1.</summary>
    private static string WithFork(string fork) => $"""
        name: forked
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        {fork}
        """;

    [Theory]
    [InlineData("2025-02")]
    [InlineData("2026-12")]
    public void Fork_after_the_start_and_within_the_run_is_kept(string month)
    {
        var scenario = ScenarioLoader.Parse(WithFork($"fork: {{ at: {month} }}"), Fixtures.Inline);

        YearMonth.TryParse(month, out var expected);
        Assert.Equal(expected, scenario.ForkAt);
    }

    [Fact]
    public void Scenario_without_fork_or_sweep_has_neither()
    {
        var scenario = ScenarioLoader.Parse(WithFork(""), Fixtures.Inline);

        Assert.Null(scenario.ForkAt);
        Assert.Null(scenario.Sweep);
    }

    [Theory]
    [InlineData("2025-01")]
    [InlineData("2024-06")]
    public void Fork_not_after_the_start_is_reported_at_its_month(string month)
    {
        var error = Fixtures.SingleError(WithFork($"fork: {{ at: {month} }}"), 6, 13);

        Assert.Equal($"'fork' at {month} is not after the scenario starts in 2025-01", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Fork_after_the_end_is_reported_at_its_month()
    {
        var error = Fixtures.SingleError(WithFork("fork: { at: 2027-01 }"), 6, 13);

        Assert.Equal("'fork' at 2027-01 is after the scenario ends in 2026-12", error.Message);
    }

    [Fact]
    public void Fork_written_as_a_bare_month_is_reported_with_the_form_to_use()
    {
        var error = Fixtures.SingleError(WithFork("fork: 2026-01"), 6, 7);

        Assert.Equal("'fork' must be a mapping of keys to values, not '2026-01'", error.Message);
        Assert.Equal("write 'fork: { at: YYYY-MM }'", error.Hint);
    }

    [Fact]
    public void Fork_without_at_is_reported_at_the_start_of_the_fork()
    {
        var error = Fixtures.SingleError(WithFork("fork: {}"), 6, 7);

        Assert.Equal("required key 'at' is missing from 'fork'", error.Message);
    }

    [Fact]
    public void Unknown_key_in_fork_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithFork("fork: { at: 2026-01, ta: 2026-02 }"), 6, 22);

        Assert.Equal("unknown key 'ta' in 'fork'", error.Message);
        Assert.Equal("did you mean 'at'?", error.Hint);
    }

    [Fact]
    public void Malformed_fork_month_is_reported_at_the_month()
    {
        var error = Fixtures.SingleError(WithFork("fork: { at: 2026/01 }"), 6, 13);

        Assert.Equal("'at' must be a month written YYYY-MM, not '2026/01'", error.Message);
    }
}
