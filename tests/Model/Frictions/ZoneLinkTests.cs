using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Tests.Model.Actors;

namespace GbaSim.Tests.Model.Frictions;

/// <summary>Zones carry their own terms with the city across the border, and facilitation scoped to a zone acts on the zone's border flows only.</summary>
public sealed class ZoneLinkTests
{
    private static readonly Place Hetao = new(City.Shenzhen, Zone.HetaoShenzhenPark);
    private static readonly Place Qianhai = new(City.Shenzhen, Zone.Qianhai);
    private static readonly Place Shenzhen = Place.Of(City.Shenzhen);
    private static readonly Place HongKong = Place.Of(City.HongKong);
    private static readonly Place Guangzhou = Place.Of(City.Guangzhou);

    /// <summary>Hetao's own terms with Hong Kong: lower than the fixture's Shenzhen-Hong Kong link (talent 0.15, delay 2, technology 0.12).</summary>
    private static readonly LinkTerms HetaoTerms = new(0.3, 0.08, 1, 0.08, 0.07, 0.06, 0.2);

    private static WorldModel World(params PolicySpec[] policies) => new(
        ModelFixtures.World() with { ZoneLinks = [new ZoneLink(Zone.HetaoShenzhenPark, City.HongKong, HetaoTerms)] },
        1,
        policies,
        1);

    private static PolicySpec HetaoFacilitation(Dictionary<string, double> reductions) => TestPolicies.Spec(
        PolicyType.CrossBorderFacilitation,
        scope: new PolicyScope([], [Zone.HetaoShenzhenPark], [], [], []),
        parameters: reductions);

    [Fact]
    public void Zone_terms_replace_the_city_link_between_the_zone_and_the_city_across()
    {
        var world = World();

        Assert.Equal(HetaoTerms, world.Link(Hetao, HongKong));
        Assert.Equal(HetaoTerms, world.Link(HongKong, Hetao));
        Assert.Equal(world.Link(City.Shenzhen, City.HongKong), world.Link(Qianhai, HongKong));
        Assert.Equal(world.Link(City.Shenzhen, City.Guangzhou), world.Link(Hetao, Guangzhou));
    }

    [Fact]
    public void Zone_scoped_facilitation_lowers_only_border_flows_of_the_zone()
    {
        var world = World(HetaoFacilitation(new() { ["technologyFrictionReduction"] = 0.6 }));

        Assert.Equal(HetaoTerms.TechnologyLoss * 0.4, world.Loss(0, Hetao, HongKong, FlowKind.Technology), 12);
        Assert.Equal(0.12, world.Loss(0, Shenzhen, HongKong, FlowKind.Technology), 12);
        Assert.Equal(world.Link(City.Shenzhen, City.Guangzhou).TechnologyLoss, world.Loss(0, Hetao, Guangzhou, FlowKind.Technology), 12);
    }

    [Fact]
    public void Whitelist_lowers_the_named_flow_and_leaves_the_others()
    {
        var world = World(HetaoFacilitation(new() { ["materialsFrictionReduction"] = 0.7, ["talentFrictionReduction"] = 0, ["technologyFrictionReduction"] = 0, ["capitalFrictionReduction"] = 0 }));

        Assert.Equal(HetaoTerms.MaterialsLoss * 0.3, world.Loss(0, Hetao, HongKong, FlowKind.Materials), 12);
        Assert.Equal(HetaoTerms.TechnologyLoss, world.Loss(0, Hetao, HongKong, FlowKind.Technology), 12);
        Assert.Equal(HetaoTerms.DataLoss, world.Loss(0, Hetao, HongKong, FlowKind.Data), 12);
    }

    [Fact]
    public void City_wide_talent_loss_weighs_a_zone_by_its_share_of_the_citys_firms()
    {
        var world = World();

        // The fixture puts 5% of Shenzhen's firms in the Hetao park; Qianhai has no terms of its own.
        Assert.Equal((0.95 * 0.15) + (0.05 * HetaoTerms.TalentLoss), world.CityLoss(0, City.Shenzhen, City.HongKong, FlowKind.Talent), 12);
        Assert.Equal((0.95 * 2) + (0.05 * 1), world.TalentDelay(0, City.HongKong, City.Shenzhen), 12);
        Assert.Equal(world.Link(City.Guangzhou, City.HongKong).TalentLoss, world.CityLoss(0, City.Guangzhou, City.HongKong, FlowKind.Talent), 12);
    }

    [Fact]
    public void Materials_and_data_lose_what_technology_does_unless_a_link_says_otherwise()
    {
        var link = new CityLink(City.Zhuhai, City.Macao, "", 0.3, 0.15, 2, 0.12, 0.1, DataLoss: 0.3);

        Assert.Equal(0.12, link.Terms.MaterialsLoss);
        Assert.Equal(0.3, link.Terms.DataLoss);
    }
}
