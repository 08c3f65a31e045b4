using System.Text.Json;
using System.Text.Json.Nodes;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Model.Policies;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>
/// The committed schemas must equal what the generators make from the catalogue and the loaders'
/// keys, so they cannot drift. To regenerate them: GBASIM_UPDATE_SCHEMAS=1 dotnet test tests.
/// </summary>
public sealed class SchemaTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("GBASIM_UPDATE_SCHEMAS") == "1";

    [Fact]
    public void Committed_scenario_schema_equals_the_generated_one() =>
        AssertCommitted("scenarios/scenario.schema.json", Schema.Write(ScenarioSchema.Generate()));

    [Fact]
    public void Committed_world_schema_equals_the_generated_one() =>
        AssertCommitted("scenarios/world.schema.json", Schema.Write(WorldSchema.Generate()));

    [Fact]
    public void Scenario_schema_offers_exactly_the_keys_the_loader_accepts()
    {
        var schema = ScenarioSchema.Generate();

        Assert.Equal(ScenarioFileReader.Keys, KeysOf(schema));
        Assert.Equal(PolicyReader.Keys, KeysOf(schema["$defs"]!["policy"]!));
        Assert.Equal(ScopeReader.Keys, KeysOf(schema["$defs"]!["scope"]!));
        Assert.Equal(SweepReader.Keys, KeysOf(schema["$defs"]!["sweepAxis"]!));
        Assert.Equal(SweepReader.RangeKeys, KeysOf(schema["$defs"]!["sweepAxis"]!["properties"]!["range"]!));
        Assert.Equal(ScenarioFileReader.ForkKeys, KeysOf(schema["properties"]!["fork"]!));
    }

    [Fact]
    public void Scenario_schema_offers_every_catalogue_parameter_budget_and_model_parameter_to_sweep()
    {
        var offered = ScenarioSchema.Generate()["$defs"]!["sweepAxis"]!["properties"]!["parameter"]!["enum"]!.AsArray().Select(v => (string?)v);

        var catalogue = PolicyCatalog.All.SelectMany(PolicyCatalog.ParametersOf).Select(p => p.Name).Append(SweepDefinition.Budget).Distinct()
            .Concat(GbaSim.Model.World.ModelParameterCatalog.Names.Select(n => SweepDefinition.ModelPrefix + n));
        Assert.Equal(catalogue.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scenario_schema_gives_each_policy_type_its_catalogue_parameters()
    {
        var branches = ScenarioSchema.Generate()["$defs"]!["policy"]!["allOf"]!.AsArray();

        Assert.Equal(PolicyCatalog.All.Count(), branches.Count);
        foreach (var type in PolicyCatalog.All)
        {
            var branch = branches.Single(b => (string?)b!["if"]!["properties"]!["type"]!["const"] == PolicyCatalog.NameOf(type));
            var parameters = branch!["then"]!["properties"]!["parameters"]!;
            Assert.Equal(PolicyCatalog.ParametersOf(type).Select(p => p.Name), KeysOf(parameters));
            Assert.All(PolicyCatalog.ParametersOf(type), p => Assert.Equal(p.Default, parameters["properties"]![p.Name]!["default"].Deserialize<double>()));
        }
    }

    [Fact]
    public void World_schema_offers_exactly_the_keys_the_loader_accepts()
    {
        var schema = WorldSchema.Generate();

        Assert.Equal(WorldLoader.Keys, KeysOf(schema));
        Assert.Equal(CityReader.Keys, KeysOf(schema["properties"]!["cities"]!["items"]!));
        Assert.Equal(InstitutionReader.Keys, KeysOf(schema["properties"]!["institutions"]!["items"]!));
        Assert.Equal(LinkReader.Keys, KeysOf(schema["properties"]!["links"]!["items"]!));
    }

    private static IEnumerable<string> KeysOf(JsonNode schema) => schema["properties"]!.AsObject().Select(p => p.Key);

    private static void AssertCommitted(string relativePath, string generated)
    {
        var path = Repository.PathOf(relativePath);
        if (Update)
        {
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), $"{relativePath} is missing; run GBASIM_UPDATE_SCHEMAS=1 dotnet test tests to generate it.");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == generated, $"{relativePath} differs from the generated schema; run GBASIM_UPDATE_SCHEMAS=1 dotnet test tests and commit the result.");
    }
}
