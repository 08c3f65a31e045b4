namespace GbaSim.Tests.Scenarios;

/// <summary>Names a scenario uses that the model or the world does not know.</summary>
public sealed class ScenarioNameErrorTests
{
    private static string WithScope(string scopeLine) => $"""
        name: names
        seed: 1
        start: 2025-01
        horizon: 12
        world: worlds/tiny.yaml
        policies:
          - name: p
            type: cross-border-facilitation
            start: 2025-01
            budget: 0
            scope:
              {scopeLine}
        """;

    [Fact]
    public void Unknown_city_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithScope("cities: [Guangzhou, Shenzen]"), 12, 27);

        Assert.Equal("unknown city 'Shenzen'", error.Message);
        Assert.Equal("did you mean 'Shenzhen'?", error.Hint);
    }

    [Fact]
    public void Unknown_zone_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError(WithScope("zones: [hetao-shenzen-park]"), 12, 15);

        Assert.Equal("unknown zone 'hetao-shenzen-park'", error.Message);
        Assert.Equal("did you mean 'hetao-shenzhen-park'?", error.Hint);
    }

    [Fact]
    public void Unknown_sector_lists_the_valid_sectors_when_nothing_is_close()
    {
        var error = Fixtures.SingleError(WithScope("sectors: [quantum-computing]"), 12, 17);

        Assert.Equal("unknown sector 'quantum-computing'", error.Message);
        Assert.Equal("valid sectors: ict, ic, nev, battery, medical, equipment, bio, aerospace, marine, ai", error.Hint);
    }

    [Fact]
    public void Unknown_institution_key_is_checked_against_the_world()
    {
        var error = Fixtures.SingleError(WithScope("institutions: [hkust, hkstu]"), 12, 29);

        Assert.Equal("unknown institution 'hkstu': the world has no institution with this key", error.Message);
        Assert.Equal("did you mean 'hkust'?", error.Hint);
    }

    [Fact]
    public void City_pair_of_one_city_is_reported()
    {
        var error = Fixtures.SingleError(WithScope("pairs: [[Shenzhen, Shenzhen]]"), 12, 15);

        Assert.Equal("a city pair must name two different cities, not Shenzhen twice", error.Message);
    }

    [Fact]
    public void Unknown_policy_type_lists_the_valid_types_in_the_hint()
    {
        var error = Fixtures.SingleError("""
            name: names
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: pilot-platforms
                start: 2025-01
                budget: 0
            """, 8, 11);

        Assert.Equal("unknown policy type 'pilot-platforms'", error.Message);
        Assert.StartsWith("did you mean 'pilot-platform'? valid policy types: cross-border-facilitation, ", error.Hint);
        Assert.Contains("ip-protection", error.Hint);
    }

    [Fact]
    public void Unknown_parameter_name_for_the_policy_type_is_reported_with_a_suggestion()
    {
        var error = Fixtures.SingleError("""
            name: names
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
                  talentFrictionReducton: 0.5
            """, 12, 7);

        Assert.Equal("unknown parameter 'talentFrictionReducton' for a cross-border-facilitation policy", error.Message);
        Assert.Equal("did you mean 'talentFrictionReduction'?", error.Hint);
    }

    [Fact]
    public void Parameter_of_another_policy_type_lists_the_valid_parameters()
    {
        var error = Fixtures.SingleError("""
            name: names
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: p
                type: pilot-platform
                start: 2025-01
                budget: 0
                parameters:
                  relocationSubsidy: 1000
            """, 12, 7);

        Assert.Equal("valid parameters: extraSlots, successUplift", error.Hint);
    }
}
