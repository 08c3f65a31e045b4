using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model;

/// <summary>The firm population at scales below and above the high-tech enterprises of the world file.</summary>
public class FirmPopulationTests
{
    [Fact]
    public void Scale_above_one_grows_every_city_by_the_same_factor()
    {
        var world = ModelFixtures.World();
        var one = CountByCity(new WorldModel(world, 1, [], 7));
        var three = CountByCity(new WorldModel(world, 3, [], 7));

        foreach (var city in world.Cities)
        {
            Assert.Equal(city.Firms, one[city.City]);
            Assert.Equal(3 * city.Firms, three[city.City]);
        }
    }

    [Fact]
    public void A_larger_world_starts_with_the_smaller_worlds_firms()
    {
        // The same generator draws the same firms first: a city's stream draws its count once, then firm after firm.
        var world = ModelFixtures.World();
        var one = FirmGenerator.Generate(new WorldModel(world, 1, [], 7)).ToArray();
        var larger = FirmGenerator.Generate(new WorldModel(world, 2.5, [], 7)).ToLookup(f => f.Profile.City);

        foreach (var city in one.GroupBy(f => f.Profile.City))
        {
            Assert.Equal(city, larger[city.Key].Take(city.Count()));
        }
    }

    private static Dictionary<City, int> CountByCity(WorldModel world) =>
        FirmGenerator.Generate(world).GroupBy(f => f.Profile.City).ToDictionary(g => g.Key, g => g.Count());
}
