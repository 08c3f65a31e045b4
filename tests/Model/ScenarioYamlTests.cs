using System.Text.Json;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model;

/// <summary>Model tests that run on a silo submit their scenarios as YAML; what the silo reads back must be what the test built.</summary>
public sealed class ScenarioYamlTests
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    [Fact]
    public void A_scenario_built_in_code_reads_back_from_its_yaml_as_built()
    {
        var scope = new PolicyScope([City.Zhuhai], [Zone.Nansha], [Sector.ArtificialIntelligence], ["csns"], [(City.Shenzhen, City.HongKong)]);
        var scenario = ModelFixtures.Scenario(scale: 0.03, horizon: 18, seed: 23,
            policies: [ModelFixtures.Policy(PolicyType.CrossBorderFacilitation, start: "2025-07", budget: 1.5e9, scope: scope, parameters: new() { ["talentFrictionReduction"] = 0.9 })],
            world: ModelFixtures.World(ModelParameters.Default with { MigrationMonthly = 0.0123 }));
        var folder = Directory.CreateTempSubdirectory("gbasim-yaml-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "worlds"));
            File.WriteAllText(Path.Combine(folder.FullName, "worlds", "test.yaml"), ScenarioYaml.World(scenario.World));
            var read = ScenarioLoader.Parse(ScenarioYaml.Scenario(scenario, "worlds/test.yaml"), Path.Combine(folder.FullName, "test.yaml"));

            Assert.Equal((scenario.Name, scenario.Seed, scenario.Start, scenario.HorizonMonths, scenario.Scale), (read.Name, read.Seed, read.Start, read.HorizonMonths, read.Scale));
            Assert.Equal(JsonSerializer.Serialize(scenario.World, Json), JsonSerializer.Serialize(read.World, Json));
            Assert.Equal(JsonSerializer.Serialize(scenario.PolicySpecs(), Json), JsonSerializer.Serialize(read.PolicySpecs(), Json));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
