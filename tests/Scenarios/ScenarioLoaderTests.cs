using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Valid_scenario_parses_to_the_expected_definition()
    {
        var scenario = ScenarioLoader.Load(Fixtures.PathOf("valid.yaml"));

        Assert.Equal("tiny-valid", scenario.Name);
        Assert.Equal("Every feature of a scenario file, on the tiny world.", scenario.Description);
        Assert.Equal(Fixtures.PathOf("valid.yaml"), scenario.SourcePath);
        Assert.Equal(File.ReadAllText(Fixtures.PathOf("valid.yaml")), scenario.Text);
        Assert.Equal(20250101UL, scenario.Seed);
        Assert.Equal(new YearMonth(2025, 1), scenario.Start);
        Assert.Equal(144, scenario.HorizonMonths);
        Assert.Equal(new YearMonth(2036, 12), scenario.End);
        Assert.Equal(1, scenario.StepMonths);
        Assert.Equal(Fixtures.TinyWorld, scenario.WorldPath);
        Assert.Equal("tiny", scenario.World.Name);
        Assert.Equal(0.5, scenario.Scale);
        Assert.Equal(2, scenario.Policies.Count);
    }

    [Fact]
    public void Policy_keeps_its_dates_budget_scope_parameters_and_location()
    {
        var policy = ScenarioLoader.Load(Fixtures.PathOf("valid.yaml")).Policies[0];

        Assert.Equal("hetao-line-division", policy.Name);
        Assert.Equal(PolicyType.CrossBorderFacilitation, policy.Type);
        Assert.Equal(new YearMonth(2026, 1), policy.Start);
        Assert.Equal(new YearMonth(2035, 12), policy.End);
        Assert.Equal(2_000_000_000, policy.Budget);
        Assert.Equal([City.Shenzhen, City.HongKong], policy.Scope.Cities);
        Assert.Equal([Zone.HetaoShenzhenPark], policy.Scope.Zones);
        Assert.Equal([Sector.NextGenerationIct], policy.Scope.Sectors);
        Assert.Equal(["hkust"], policy.Scope.Institutions);
        Assert.Equal([(City.Shenzhen, City.HongKong)], policy.Scope.CityPairs);
        Assert.Equal(0.6, policy.Parameters["talentFrictionReduction"]);
        Assert.Equal(new SourceLocation(Fixtures.PathOf("valid.yaml"), 11, 5), policy.Location);
    }

    [Fact]
    public void Policy_without_scope_end_or_parameters_acts_everywhere_to_the_scenario_end_with_catalogue_defaults()
    {
        var scenario = ScenarioLoader.Load(Fixtures.PathOf("valid.yaml"));
        var policy = scenario.Policies[1];

        Assert.Null(policy.End);
        Assert.Empty(policy.Parameters);
        Assert.Equal(PolicyScope.Everywhere, policy.Scope);
        var spec = scenario.PolicySpecs()[1];
        Assert.Equal(0.1, spec.Parameter("successUplift"));
        Assert.Equal(scenario.HorizonMonths - 1, spec.EndStep);
    }

    [Fact]
    public void Policy_specs_turn_dates_into_steps_from_the_scenario_start()
    {
        var specs = ScenarioLoader.Load(Fixtures.PathOf("valid.yaml")).PolicySpecs();

        Assert.Equal((0, "hetao-line-division", 12, 131), (specs[0].Index, specs[0].Name, specs[0].StartStep, specs[0].EndStep));
        Assert.Equal((1, "pilot-platforms", 30, 143), (specs[1].Index, specs[1].Name, specs[1].StartStep, specs[1].EndStep));
        Assert.Equal(120, specs[0].ActiveMonths);
        Assert.Equal(0.6, specs[0].Parameter("talentFrictionReduction"));
        Assert.Equal(0.5, specs[0].Parameter("capitalFrictionReduction"));
    }

    [Fact]
    public void Optional_keys_take_their_defaults()
    {
        var scenario = ScenarioLoader.Parse("""
            name: minimal
            seed: 0
            start: 2025-01
            end: 2025-12
            world: worlds/tiny.yaml
            """, Fixtures.Inline);

        Assert.Null(scenario.Description);
        Assert.Equal(12, scenario.HorizonMonths);
        Assert.Equal(1.0, scenario.Scale);
        Assert.Equal(1, scenario.StepMonths);
        Assert.Empty(scenario.Policies);
    }

    [Fact]
    public void Parse_resolves_relative_paths_against_the_given_path()
    {
        var scenario = ScenarioLoader.Parse("""
            name: nested
            seed: 0
            start: 2025-01
            horizon: 1
            world: ../worlds/tiny.yaml
            """, Fixtures.PathOf("nested/inline.yaml"));

        Assert.Equal(Fixtures.TinyWorld, scenario.WorldPath);
        Assert.Equal(Fixtures.PathOf("nested/inline.yaml"), scenario.SourcePath);
    }
}
