using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Sampling;
using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Identity;

namespace GbaSim.Model.World;

/// <summary>
/// Generates the firms a run starts with from each city's population, with the scenario's seed:
/// <see cref="WorldModel.Scale"/> times as many (a sample below 1, a larger world of the same
/// profile above 1), each with a sector and zone by the city's shares, a size, a life stage,
/// products and cash.
/// </summary>
public static class FirmGenerator
{
    /// <summary>The largest scale a run may ask for: about 1.15 million firms, which one silo of 8 GB holds.</summary>
    public const double MaxScale = 20;

    public static IEnumerable<(ActorId Id, FirmProfile Profile)> Generate(WorldModel world)
    {
        var parameters = world.Parameters;
        foreach (var city in Cities.All)
        {
            var definition = world.CityOf(city);
            var random = new RandomStream(world.Seed, StableHash.Combine(StableHash.Of("firms"), (ulong)city));
            var count = random.StochasticRound(definition.Firms * world.Scale);
            var sectorShares = definition.SectorShares.ToArray();
            var serials = new long[Sectors.Count];
            for (var i = 0; i < count; i++)
            {
                var sector = (Sector)random.Pick(sectorShares);
                var zone = PickZone(ref random, definition.ZoneShares);
                var stage = random.NextDouble() switch
                {
                    < 0.25 => FirmStage.StartUp,
                    < 0.7 => FirmStage.Growth,
                    _ => FirmStage.Mature,
                };
                var talent = Math.Max(3, (int)Math.Round(random.LogNormal(parameters.FirmTalentMedian, parameters.FirmTalentSpread) * StageSize(stage)));
                var products = stage switch
                {
                    FirmStage.StartUp => random.NextInt(2),
                    FirmStage.Growth => 1 + random.NextInt(3),
                    _ => 3 + random.NextInt(5),
                };
                var productQuality = 0.0;
                for (var p = 0; p < products; p++)
                {
                    productQuality += 0.3 + (0.5 * random.NextDouble());
                }
                var cash = talent * world.MonthlyLabourCost(city) * parameters.InitialCashMonths * (0.5 + random.NextDouble());
                var age = stage switch
                {
                    FirmStage.StartUp => random.NextInt(36),
                    FirmStage.Growth => 24 + random.NextInt(96),
                    _ => 60 + random.NextInt(240),
                };
                var id = ModelActors.FirmId(city, sector, serials[(int)sector]++);
                yield return (id, new FirmProfile(city, zone, sector, stage, -age, talent, cash, products, productQuality, city.TerritoryOf() == Territory.Mainland));
            }
        }
    }

    private static double StageSize(FirmStage stage) => stage switch
    {
        FirmStage.StartUp => 0.5,
        FirmStage.Growth => 1.0,
        _ => 2.5,
    };

    /// <summary>Picks a zone by the shares of firms in each zone, walking zones in a fixed order so draws never depend on dictionary order.</summary>
    public static Zone PickZone(ref RandomStream random, IReadOnlyDictionary<Zone, double> shares)
    {
        var draw = random.NextDouble();
        foreach (var zone in Zones.All)
        {
            if (shares.TryGetValue(zone, out var share))
            {
                draw -= share;
                if (draw < 0)
                {
                    return zone;
                }
            }
        }
        return Zone.None;
    }
}
