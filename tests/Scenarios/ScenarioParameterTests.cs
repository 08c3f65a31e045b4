using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

/// <summary>A scenario's <c>parameters:</c> set model parameters over its world's, and sweeps may vary them.</summary>
public sealed class ScenarioParameterTests
{
    /// <summary>A scenario on the tiny world; <paramref name="tail"/> starts at line 6, column 1.</summary>
    private static string Scenario(string tail) => $"""
        name: tuned
        seed: 1
        start: 2025-01
        horizon: 24
        world: worlds/tiny.yaml
        {tail}
        """;

    [Fact]
    public void Scenario_parameters_override_the_worlds_by_name_and_keep_the_others()
    {
        var scenario = ScenarioLoader.Parse(Scenario("""
            parameters:
              breakthroughMonthly: 0.03
              grantMonths: 30
            """), Fixtures.Inline);

        Assert.Equal(0.03, scenario.World.Parameters.BreakthroughMonthly);
        Assert.Equal(30, scenario.World.Parameters.GrantMonths);
        // The world's own override stays.
        Assert.Equal(0.07, scenario.World.Parameters.ResultsPerResearcher);
        Assert.Equal(new Dictionary<string, double> { ["breakthroughMonthly"] = 0.03, ["grantMonths"] = 30 }, scenario.Parameters);
    }

    [Fact]
    public void Scenario_without_parameters_runs_on_its_worlds_parameters()
    {
        var scenario = ScenarioLoader.Parse(Scenario(""), Fixtures.Inline);

        Assert.Empty(scenario.Parameters);
        Assert.Equal(ModelParameters.Default with { ResultsPerResearcher = 0.07, GrantMonths = 24 }, scenario.World.Parameters);
    }

    [Fact]
    public void Child_parameters_override_the_parents_one_by_one()
    {
        using var folder = new TempFolder();
        folder.Write("worlds/tiny.yaml", File.ReadAllText(Fixtures.TinyWorld));
        folder.Write("parent.yaml", Scenario("""
            parameters:
              breakthroughMonthly: 0.03
              pilotMonths: 6
            """));
        var child = folder.Write("child.yaml", """
            extends: parent.yaml
            name: child
            parameters:
              pilotMonths: 8
            """);

        var scenario = ScenarioLoader.Load(child);

        Assert.Equal((0.03, 8), (scenario.World.Parameters.BreakthroughMonthly, scenario.World.Parameters.PilotMonths));
    }

    [Fact]
    public void Unknown_parameter_is_reported_at_its_name_with_the_known_names()
    {
        var error = Fixtures.SingleError(Scenario("""
            parameters:
              breakthroughMonth: 0.03
            """), 7, 3);

        Assert.Equal("unknown model parameter 'breakthroughMonth'", error.Message);
        Assert.StartsWith("did you mean 'breakthroughMonthly'? model parameters: firmTalentMedian, ", error.Hint, StringComparison.Ordinal);
        Assert.Contains("graduatePromotionMonthly", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("breakthroughMonthly: fast", 7, 24, "'breakthroughMonthly' must be a number, not 'fast'")]
    [InlineData("pilotMonths: 4.5", 7, 16, "'pilotMonths' must be a whole number, not '4.5'")]
    [InlineData("breakthroughMonthly: 1.5", 7, 24, "'breakthroughMonthly' must be in [0, 1], not 1.5")]
    [InlineData("pilotMonths: 0", 7, 16, "'pilotMonths' must be in [1, 1200], not 0")]
    [InlineData("financingNeed: -1", 7, 18, "'financingNeed' must be at least 0, not -1")]
    public void Parameter_of_the_wrong_type_or_out_of_range_is_reported_at_its_value(string line, int row, int column, string message)
    {
        var error = Fixtures.SingleError(Scenario($"""
            parameters:
              {line}
            """), row, column);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Sweep_over_a_model_parameter_sets_it_in_each_points_world()
    {
        var scenario = ScenarioLoader.Parse(Scenario("""
            sweep:
              - parameter: parameters.breakthroughMonthly
                values: [0.02, 0.06]
            """), Fixtures.Inline);

        var points = SweepExpansion.Expand(scenario);

        Assert.Equal(["tuned[parameters.breakthroughMonthly=0.02]", "tuned[parameters.breakthroughMonthly=0.06]"], points.Select(p => p.Label));
        Assert.Equal([0.02, 0.06], points.Select(p => p.Scenario.World.Parameters.BreakthroughMonthly));
        Assert.Equal(0.06, points[1].Coordinates["parameters.breakthroughMonthly"]);
        Assert.Equal(0.06, points[1].Scenario.Parameters["breakthroughMonthly"]);
    }

    [Fact]
    public void Sweep_point_file_restates_the_model_parameters_and_reads_back_the_same()
    {
        var scenario = ScenarioLoader.Parse(Scenario("""
            parameters:
              pilotMonths: 6
            sweep:
              - parameter: parameters.breakthroughMonthly
                values: [0.02]
            """), Fixtures.Inline);
        var point = Assert.Single(SweepExpansion.Expand(scenario)).Scenario;

        var text = SweepPointYaml.Write(point, "inline.yaml", []);
        using var folder = new TempFolder();
        folder.Write("worlds/tiny.yaml", File.ReadAllText(Fixtures.TinyWorld));
        folder.Write("inline.yaml", Scenario("parameters:\n  pilotMonths: 6"));
        var reread = ScenarioLoader.Load(folder.Write("point.yaml", text));

        Assert.Equal(point.World.Parameters, reread.World.Parameters);
    }

    [Fact]
    public void Sweep_over_an_unknown_model_parameter_is_reported_at_its_name()
    {
        var error = Fixtures.SingleError(Scenario("""
            sweep:
              - parameter: parameters.pilotMonth
                values: [2, 4]
            """), 7, 16);

        Assert.Equal("unknown model parameter 'pilotMonth'", error.Message);
        Assert.StartsWith("did you mean 'pilotMonths'?", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values: [2, 4.5]", 8, 17, "a sweep value of 'pilotMonths' must be a whole number, not 4.5")]
    [InlineData("values: [0, 4]", 8, 14, "a sweep value of 'pilotMonths' must be in [1, 1200], not 0")]
    public void Sweep_value_a_model_parameter_cannot_take_is_reported_at_the_value(string values, int line, int column, string message)
    {
        var error = Fixtures.SingleError(Scenario($"""
            sweep:
              - parameter: parameters.pilotMonths
                {values}
            """), line, column);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Sweep_of_a_model_parameter_names_no_policy()
    {
        var error = Fixtures.SingleError(Scenario("""
            sweep:
              - policy: pilots
                parameter: parameters.pilotMonths
                values: [2, 4]
            """), 7, 13);

        Assert.Equal("the sweep axis varies model parameter 'parameters.pilotMonths', which belongs to no policy", error.Message);
    }
}
