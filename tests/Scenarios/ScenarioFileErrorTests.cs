namespace GbaSim.Tests.Scenarios;

/// <summary>Errors about files (the world, duplicates within a file) and about how errors are reported together.</summary>
public sealed class ScenarioFileErrorTests
{
    [Fact]
    public void Missing_world_file_is_reported_at_the_world_value()
    {
        var error = Fixtures.SingleError("""
            name: lost
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/atlantis.yaml
            """, 5, 8);

        Assert.Equal("the world file 'worlds/atlantis.yaml' does not exist", error.Message);
    }

    [Fact]
    public void Errors_in_the_world_file_are_reported_with_the_world_file_location()
    {
        using var folder = new TempFolder();
        var world = folder.Write("world.yaml", File.ReadAllText(Fixtures.TinyWorld).Replace("livingCost: 1.25", "livingCost: -1.25", StringComparison.Ordinal));
        var scenario = folder.Write("scenario.yaml", """
            name: broken-world
            seed: 1
            start: 2025-01
            horizon: 12
            world: world.yaml
            """);

        var errors = Assert.Throws<GbaSim.Engine.Scenarios.ScenarioValidationException>(() => GbaSim.Engine.Scenarios.ScenarioLoader.Load(scenario)).Errors;

        var error = Fixtures.SingleErrorIn(errors, world, 20, 17);
        Assert.Equal("'livingCost' must be greater than 0, not -1.25", error.Message);
    }

    [Fact]
    public void Duplicate_policy_names_within_one_file_are_reported_at_the_second()
    {
        var error = Fixtures.SingleError("""
            name: twins
            seed: 1
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            policies:
              - name: same
                type: ip-protection
                start: 2025-01
                budget: 0
              - name: same
                type: pilot-platform
                start: 2025-01
                budget: 0
            """, 11, 11);

        Assert.Equal("policy name 'same' is already used at line 7 of this file", error.Message);
    }

    [Fact]
    public void All_errors_are_reported_sorted_by_file_line_and_column()
    {
        var errors = Fixtures.ErrorsOf("""
            name: many
            seed: x
            start: 2025-01
            horizon: 12
            world: worlds/tiny.yaml
            scale: 25
            policies:
              - name: p
                type: ip-protection
                start: 2030-01
                budget: -1
                scope: { cities: [Atlantis], sectors: [ict, nope] }
            """);

        Assert.Equal(
            [(2, 7), (6, 8), (10, 12), (11, 13), (12, 23), (12, 49)],
            errors.Select(e => (e.Location.Line, e.Location.Column)));
        Assert.All(errors, e => Assert.Equal(Fixtures.Inline, e.Location.File));
    }

    [Fact]
    public void Exception_message_lists_every_error_as_file_line_column_message_and_hint()
    {
        var exception = Assert.Throws<GbaSim.Engine.Scenarios.ScenarioValidationException>(() => GbaSim.Engine.Scenarios.ScenarioLoader.Parse("""
            name: typo
            seed: 1
            start: 2025-01
            horizn: 12
            world: worlds/tiny.yaml
            """, Fixtures.Inline));

        Assert.Equal(
            $"{Fixtures.Inline}:1:1: the scenario needs 'horizon' (months) or 'end' (YYYY-MM), and neither it nor any file it extends gives one"
            + $"{Environment.NewLine}{Fixtures.Inline}:4:1: unknown key 'horizn' in the scenario (did you mean 'horizon'?)",
            exception.Message);
    }
}
