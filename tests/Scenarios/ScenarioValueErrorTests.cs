namespace GbaSim.Tests.Scenarios;

/// <summary>Values of the right type but outside what the model accepts: dates outside the run, negative money, bad ranges.</summary>
public sealed class ScenarioValueErrorTests
{
    private static string WithPolicy(string start, string end = "", string budget = "0") => $"""
        name: values
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        policies:
          - name: p
            type: ip-protection
            start: {start}
            budget: {budget}
        {(end.Length > 0 ? $"    end: {end}" : "")}
        """;

    [Fact]
    public void Total_budget_without_an_end_is_reported_at_budget_per()
    {
        const string yaml = """
            name: values
            seed: 1
            start: 2025-01
            horizon: 24
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: ip-protection
                start: 2025-01
                budget: 1000000
                budgetPer: total
            """;

        var error = Fixtures.SingleError(yaml, 11, 16);

        Assert.Equal("policy 'p' has a total budget but no 'end': a total is spent over stated dates", error.Message);
    }

    [Fact]
    public void Policy_starting_after_the_scenario_ends_is_reported_at_its_start()
    {
        var error = Fixtures.SingleError(WithPolicy("2027-01"), 9, 12);

        Assert.Equal("policy 'p' starts in 2027-01, after the scenario ends in 2026-12", error.Message);
    }

    [Fact]
    public void Policy_starting_before_the_scenario_starts_is_reported_at_its_start()
    {
        var error = Fixtures.SingleError(WithPolicy("2024-12"), 9, 12);

        Assert.Equal("policy 'p' starts in 2024-12, before the scenario starts in 2025-01", error.Message);
    }

    [Fact]
    public void Policy_ending_after_the_scenario_ends_is_reported_at_its_end()
    {
        var error = Fixtures.SingleError(WithPolicy("2025-06", end: "2030-01"), 11, 10);

        Assert.Equal("policy 'p' ends in 2030-01, after the scenario ends in 2026-12", error.Message);
        Assert.Contains("leave 'end' out", error.Hint);
    }

    [Fact]
    public void Policy_ending_before_it_starts_is_reported_at_its_end()
    {
        var error = Fixtures.SingleError(WithPolicy("2025-06", end: "2025-05"), 11, 10);

        Assert.Equal("policy 'p' ends in 2025-05, before it starts in 2025-06", error.Message);
    }

    [Fact]
    public void Scenario_end_before_its_start_is_reported_at_end()
    {
        var error = Fixtures.SingleError("""
            name: backwards
            seed: 1
            start: 2025-01
            end: 2024-12
            world: worlds/tiny.yaml
            """, 4, 6);

        Assert.Equal("'end' 2024-12 is before 'start' 2025-01", error.Message);
    }

    [Fact]
    public void Negative_budget_is_reported()
    {
        var error = Fixtures.SingleError(WithPolicy("2025-01", budget: "-5000"), 10, 13);

        Assert.Equal("'budget' must be at least 0, not -5000", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("20.5")]
    public void Scale_outside_zero_to_twenty_is_reported(string scale)
    {
        var error = Fixtures.SingleError($"""
            name: scaled
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            scale: {scale}
            """, 6, 8);

        Assert.Equal($"'scale' must be in (0, 20], not {scale}", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1201")]
    public void Horizon_outside_one_to_1200_months_is_reported(string horizon)
    {
        var error = Fixtures.SingleError($"""
            name: long
            seed: 1
            start: 2025-01
            horizon: {horizon}
            world: worlds/tiny.yaml
            """, 4, 10);

        Assert.Equal($"'horizon' must be in [1, 1200], not {horizon}", error.Message);
    }

    [Fact]
    public void Negative_seed_is_reported()
    {
        var error = Fixtures.SingleError("""
            name: seeded
            seed: -1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            """, 2, 7);

        Assert.Equal("'seed' must be at least 0, not -1", error.Message);
    }

    [Fact]
    public void Seed_larger_than_64_bits_is_reported()
    {
        var error = Fixtures.SingleError("""
            name: seeded
            seed: 18446744073709551616
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            """, 2, 7);

        Assert.Equal("'seed' must be at most 18446744073709551615, not 18446744073709551616", error.Message);
    }

    [Fact]
    public void Parameter_outside_its_catalogue_range_is_reported()
    {
        var error = Fixtures.SingleError("""
            name: params
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: cross-border-facilitation
                start: 2025-01
                budget: 0
                parameters:
                  talentFrictionReduction: 1.5
            """, 12, 32);

        Assert.Equal("'talentFrictionReduction' must be in [0, 1], not 1.5", error.Message);
    }
}
