using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Scenarios;

/// <summary>World files give zones their own terms across a border and declare the corridors their links name.</summary>
public sealed class WorldZoneLinkTests
{
    private const string WorldPath = "world.yaml";

    private static readonly string TinyText = File.ReadAllText(Fixtures.TinyWorld);

    /// <summary>The first line after the tiny world's text, where appended sections start.</summary>
    private static readonly int Appended = TinyText.Split('\n').Length;

    private const string HetaoLink = """
        zoneLinks:
          - zone: hetao-shenzhen-park
            across: Hong Kong
            travelHours: 0.3
            talentLoss: 0.08
            talentDelayMonths: 1
            technologyLoss: 0.08
            capitalLoss: 0.07
            materialsLoss: 0.05
        corridors:
          - name: guangzhou-shenzhen-hong-kong
            frictionFactor: 0.9

        """;

    private static ScenarioError SingleError(string appended, int line, int column) => Fixtures.SingleErrorIn(
        Assert.Throws<ScenarioValidationException>(() => WorldLoader.Parse(TinyText + appended, WorldPath)).Errors,
        Path.GetFullPath(WorldPath),
        Appended + line,
        column);

    [Fact]
    public void Zone_links_and_corridors_are_read_with_materials_and_data_defaulting_to_technology()
    {
        var world = WorldLoader.Parse(TinyText + HetaoLink, WorldPath);

        var hetao = Assert.Single(world.ZoneLinks!);
        Assert.Equal((Zone.HetaoShenzhenPark, City.HongKong, 1, 0.05, 0.08), (hetao.Zone, hetao.Across, hetao.Terms.TalentDelayMonths, hetao.Terms.MaterialsLoss, hetao.Terms.DataLoss));
        Assert.Equal(0.9, Assert.Single(world.Corridors!).FrictionFactor);
    }

    [Fact]
    public void Zone_link_across_its_own_city_is_reported_at_the_city()
    {
        var error = SingleError(HetaoLink.Replace("across: Hong Kong", "across: Shenzhen", StringComparison.Ordinal), 2, 13);

        Assert.Equal("zone 'hetao-shenzhen-park' is in Shenzhen; 'across' must name another city", error.Message);
    }

    [Fact]
    public void Link_naming_an_undeclared_corridor_is_reported_with_the_declared_ones()
    {
        var text = HetaoLink.Replace("name: guangzhou-shenzhen-hong-kong", "name: guangzhou-zhuhai-macao", StringComparison.Ordinal);
        var errors = Assert.Throws<ScenarioValidationException>(() => WorldLoader.Parse(TinyText + text, WorldPath)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("corridor 'guangzhou-shenzhen-hong-kong' is not declared under 'corridors'", error.Message);
        Assert.Equal(TinyText.Split('\n').TakeWhile(l => !l.Contains("corridor: guangzhou", StringComparison.Ordinal)).Count() + 1, error.Location.Line);
        Assert.Contains("guangzhou-zhuhai-macao", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Corridor_factor_out_of_range_is_reported_at_its_value()
    {
        var error = SingleError(HetaoLink.Replace("frictionFactor: 0.9", "frictionFactor: 3", StringComparison.Ordinal), 11, 21);

        Assert.Contains("'frictionFactor'", error.Message, StringComparison.Ordinal);
    }
}
