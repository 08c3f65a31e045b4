using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model;

/// <summary>A compact GBA world written in code, so model tests do not depend on the committed world file's numbers.</summary>
public static class ModelFixtures
{
    public static WorldDefinition World(ModelParameters? parameters = null)
    {
        var cities = Cities.All.Select(city => new CityDefinition(
            city,
            Talent: city is City.Shenzhen or City.Guangzhou or City.HongKong ? 60_000 : 15_000,
            TalentLevelShares: [0.35, 0.5, 0.15],
            MonthlyWage: city.IsHongKongOrMacao() ? 38_000 : 18_000,
            LivingCost: city == City.HongKong ? 2.0 : 1.0,
            Firms: city switch
            {
                City.Shenzhen => 20_000,
                City.Guangzhou => 12_000,
                City.HongKong => 3_000,
                City.Macao => 300,
                _ => 3_000,
            },
            SectorShares: Enumerable.Repeat(0.1, Sectors.Count).ToArray(),
            ZoneShares: city switch
            {
                City.Guangzhou => new Dictionary<Zone, double> { [Zone.Nansha] = 0.1 },
                City.Shenzhen => new Dictionary<Zone, double> { [Zone.Qianhai] = 0.05, [Zone.HetaoShenzhenPark] = 0.05 },
                _ => new Dictionary<Zone, double>(),
            })).ToArray();
        InstitutionDefinition Institution(string key, InstitutionKind kind, City city, int researchers = 0, double quality = 0.6, int graduates = 0, double capacity = 0, double capital = 0, double fee = 0, ChainStage[]? stages = null, Zone zone = Zone.None) =>
            new(key, key, kind, city, zone, researchers, quality, graduates, capacity, capital, fee, [], stages ?? []);
        var institutions = new[]
        {
            Institution("hku", InstitutionKind.University, City.HongKong, researchers: 3000, quality: 0.8, graduates: 4000),
            Institution("hkust", InstitutionKind.University, City.HongKong, researchers: 2000, quality: 0.8, graduates: 3000),
            Institution("um", InstitutionKind.University, City.Macao, researchers: 800, quality: 0.65, graduates: 1200),
            Institution("sysu", InstitutionKind.University, City.Guangzhou, researchers: 5000, quality: 0.7, graduates: 9000),
            Institution("sustech", InstitutionKind.University, City.Shenzhen, researchers: 2500, quality: 0.72, graduates: 3000),
            Institution("gz-lab", InstitutionKind.NationalLaboratory, City.Guangzhou, researchers: 2000, quality: 0.75),
            Institution("sz-other", InstitutionKind.ResearchInstitute, City.Shenzhen, researchers: 6000, quality: 0.55, graduates: 8000),
            Institution("dg-other", InstitutionKind.University, City.Dongguan, researchers: 2000, quality: 0.5, graduates: 4000),
            Institution("csns", InstitutionKind.MajorFacility, City.Dongguan, capacity: 120, zone: Zone.SongshanLake),
            Institution("gz-ttc", InstitutionKind.TechnologyTransferCentre, City.Guangzhou, capacity: 20, fee: 0.05, zone: Zone.Nansha),
            Institution("sz-ttc", InstitutionKind.TechnologyTransferCentre, City.Shenzhen, capacity: 20, fee: 0.05),
            Institution("hk-kto", InstitutionKind.TechnologyTransferCentre, City.HongKong, capacity: 10, fee: 0.08),
            Institution("gz-pilot", InstitutionKind.PilotPlatform, City.Guangzhou, capacity: 60),
            Institution("sz-pilot", InstitutionKind.PilotPlatform, City.Shenzhen, capacity: 80),
            Institution("sz-vc", InstitutionKind.VentureFund, City.Shenzhen, capital: 2e10, stages: [ChainStage.Financing]),
            Institution("gd-guidance", InstitutionKind.GuidanceFund, City.Guangzhou, capital: 1e10, stages: [ChainStage.Financing, ChainStage.Transformation]),
            Institution("hk-vc", InstitutionKind.VentureFund, City.HongKong, capital: 8e9, stages: [ChainStage.Financing]),
            Institution("qianhai-hub", InstitutionKind.Incubator, City.Shenzhen, capacity: 400, zone: Zone.Qianhai),
        };
        var links = new[]
        {
            new CityLink(City.Shenzhen, City.HongKong, "guangzhou-shenzhen-hong-kong", 0.5, 0.15, 2, 0.12, 0.1),
            new CityLink(City.Guangzhou, City.Shenzhen, "guangzhou-shenzhen-hong-kong", 1, 0.03, 0, 0.02, 0.01),
            new CityLink(City.Guangzhou, City.HongKong, "guangzhou-shenzhen-hong-kong", 1.5, 0.18, 2, 0.14, 0.1),
            new CityLink(City.Zhuhai, City.Macao, "guangzhou-zhuhai-macao", 0.3, 0.15, 2, 0.12, 0.1),
            new CityLink(City.Guangzhou, City.Macao, "guangzhou-zhuhai-macao", 1.5, 0.2, 2, 0.15, 0.12),
        };
        return new WorldDefinition("test-gba", cities, institutions, links, parameters ?? ModelParameters.Default);
    }

    public static ScenarioDefinition Scenario(double scale = 0.05, int horizon = 24, ulong seed = 7, IReadOnlyList<PolicyDefinition>? policies = null, WorldDefinition? world = null) =>
        new("test", null, "test.yaml", "", seed, new YearMonth(2025, 1), horizon, 1, "world.yaml", world ?? World(), scale, policies ?? []);

    public static PolicyDefinition Policy(PolicyType type, string start = "2025-01", PolicyScope? scope = null, double budget = 1e9, Dictionary<string, double>? parameters = null)
    {
        YearMonth.TryParse(start, out var begin);
        return new PolicyDefinition(PolicyCatalog.NameOf(type), type, begin, null, budget, scope ?? PolicyScope.Everywhere, parameters ?? [], new SourceLocation("test.yaml", 1, 1));
    }
}
