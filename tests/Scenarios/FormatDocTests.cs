using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Model.Policies;

namespace GbaSim.Tests.Scenarios;

/// <summary>docs/scenario-format.md is written by hand; these keep it from forgetting a key, a policy type or a parameter.</summary>
public sealed class FormatDocTests
{
    private static readonly string Doc = File.ReadAllText(Repository.PathOf("docs/scenario-format.md"));

    [Fact]
    public void Format_doc_describes_every_policy_type_and_parameter()
    {
        foreach (var type in PolicyCatalog.All)
        {
            Assert.Contains($"`{PolicyCatalog.NameOf(type)}`", Doc, StringComparison.Ordinal);
            Assert.All(PolicyCatalog.ParametersOf(type), p => Assert.Contains($"`{p.Name}`", Doc, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Format_doc_describes_every_scenario_and_world_key()
    {
        string[][] keys =
        [
            ScenarioFileReader.Keys, PolicyReader.Keys, ScopeReader.Keys, SweepReader.Keys, SweepReader.RangeKeys, ScenarioFileReader.ForkKeys,
            WorldLoader.Keys, CityReader.Keys, InstitutionReader.Keys, LinkReader.Keys, ZoneLinkReader.Keys, CorridorReader.Keys,
        ];

        Assert.All(keys.SelectMany(k => k).Distinct(), key => Assert.Contains($"| `{key}` |", Doc, StringComparison.Ordinal));
    }
}
