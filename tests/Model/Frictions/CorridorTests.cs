using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Frictions;

/// <summary>Corridors shape the losses of the links along them.</summary>
public sealed class CorridorTests
{
    [Fact]
    public void Corridor_scales_every_loss_of_its_links_and_no_other_link()
    {
        var plain = new WorldModel(ModelFixtures.World(), 1, [], 1);
        var shaped = new WorldModel(ModelFixtures.World() with { Corridors = [new Corridor("guangzhou-shenzhen-hong-kong", 0.5)] }, 1, [], 1);

        var (before, after) = (plain.Link(City.Shenzhen, City.HongKong), shaped.Link(City.Shenzhen, City.HongKong));
        Assert.Equal(before.TechnologyLoss * 0.5, after.TechnologyLoss, 12);
        Assert.Equal(before.TalentLoss * 0.5, after.TalentLoss, 12);
        Assert.Equal(before.CapitalLoss * 0.5, after.CapitalLoss, 12);
        Assert.Equal(before.TalentDelayMonths, after.TalentDelayMonths);
        Assert.Equal(plain.Link(City.Zhuhai, City.Macao), shaped.Link(City.Zhuhai, City.Macao));
    }
}
