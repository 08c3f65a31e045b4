using GbaSim.Engine.Worlds;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios;

/// <summary>
/// The committed world holds the places, institutions and figures of the seed articles that the
/// seed-coverage table of docs/model.md points at, so a row cannot silently lose its anchor.
/// </summary>
public sealed class SeedWorldTests
{
    private static readonly WorldDefinition World = WorldLoader.Load(Repository.PathOf("scenarios/worlds/gba.yaml"));

    private static InstitutionDefinition Institution(string key) => Assert.Single(World.Institutions, i => i.Key == key);

    [Fact]
    public void The_nine_Guangdong_cities_start_with_seed_003s_57000_high_tech_enterprises() =>
        Assert.Equal(57_000, World.Cities.Where(c => c.City.TerritoryOf() == Territory.Mainland).Sum(c => c.Firms));

    [Fact]
    public void The_three_science_cities_are_zones_with_firms()
    {
        var shares = World.Cities.SelectMany(c => c.ZoneShares).ToDictionary(z => z.Key, z => z.Value);

        Assert.All([Zone.GuangmingScienceCity, Zone.Nansha, Zone.SongshanLake], z => Assert.True(shares[z] > 0, z.FileName()));
    }

    [Fact]
    public void The_two_points_have_lower_talent_frictions_across_the_border_than_their_cities()
    {
        var model = new WorldModel(World, 1, [], 1);

        foreach (var (zone, across) in new[] { (Zone.HetaoShenzhenPark, City.HongKong), (Zone.HetaoHongKongPark, City.Shenzhen), (Zone.Hengqin, City.Macao) })
        {
            var link = Assert.Single(World.ZoneLinks!, l => l.Zone == zone && l.Across == across);
            Assert.True(link.Terms.TalentLoss < model.Link(zone.CityOf(), across).TalentLoss, zone.FileName());
            Assert.True(link.Terms.TalentDelayMonths < model.Link(zone.CityOf(), across).TalentDelayMonths, zone.FileName());
        }
    }

    [Fact]
    public void The_two_corridors_are_declared_and_lower_the_losses_of_their_links()
    {
        var model = new WorldModel(World, 1, [], 1);

        Assert.Equal(["guangzhou-shenzhen-hong-kong", "guangzhou-zhuhai-macao"], World.Corridors!.Select(c => c.Name).Order());
        foreach (var link in World.Links.Where(l => l.Corridor.Length > 0))
        {
            Assert.True(model.Link(link.A, link.B).TechnologyLoss < link.TechnologyLoss, $"{link.A}-{link.B}");
        }
        Assert.Contains(World.Links, l => l.Corridor == "guangzhou-zhuhai-macao" && (l.A, l.B) is (City.Zhuhai, City.Macao) or (City.Macao, City.Zhuhai));
    }

    [Fact]
    public void The_Shenzhen_Data_Exchange_sits_in_Qianhai_and_data_leaving_for_Hong_Kong_loses_more_than_technology()
    {
        var exchange = Institution("shenzhen-data-exchange");
        var link = Assert.Single(World.Links, l => (l.A, l.B) is (City.Shenzhen, City.HongKong) or (City.HongKong, City.Shenzhen));

        Assert.Equal((InstitutionKind.DataExchange, City.Shenzhen, Zone.Qianhai), (exchange.Kind, exchange.City, exchange.Zone));
        Assert.True(link.Terms.DataLoss > link.Terms.TechnologyLoss);
    }

    [Fact]
    public void The_institutions_the_seeds_name_are_in_the_world_where_the_seeds_put_them()
    {
        Assert.Equal((InstitutionKind.MajorFacility, Zone.SongshanLake), (Institution("csns").Kind, Institution("csns").Zone));
        Assert.Equal((InstitutionKind.TechnologyTransferCentre, Zone.Nansha), (Institution("south-china-ttc").Kind, Institution("south-china-ttc").Zone));
        Assert.Equal((InstitutionKind.TechnologyTransferCentre, Zone.Nansha), (Institution("hkust-transfer-hq").Kind, Institution("hkust-transfer-hq").Zone));
        Assert.Equal(InstitutionKind.NationalLaboratory, Institution("gznl").Kind);
        Assert.All(["pengcheng-cloud-brain", "nsc-guangzhou", "ceni-shenzhen"], k => Assert.Equal(InstitutionKind.MajorFacility, Institution(k).Kind));
        Assert.Equal((InstitutionKind.ResearchInstitute, City.HongKong), (Institution("hkisi").Kind, Institution("hkisi").City));
        Assert.Equal((InstitutionKind.Incubator, Zone.Qianhai), (Institution("qianhai-youth-hub").Kind, Institution("qianhai-youth-hub").Zone));
        Assert.Equal((InstitutionKind.PilotPlatform, Zone.HetaoShenzhenPark), (Institution("hetao-pilot").Kind, Institution("hetao-pilot").Zone));
        Assert.Equal(InstitutionKind.TechnologyTransferCentre, Institution("south-china-tech-market").Kind);
    }

    [Fact]
    public void Nansha_pilots_marine_and_aerospace_and_the_pilot_platforms_cover_the_seed_001_fields()
    {
        Assert.Equal([Sector.Marine, Sector.CommercialAerospace], Institution("nansha-pilot").Sectors.Where(s => s is Sector.Marine or Sector.CommercialAerospace));
        var fields = World.Institutions.Where(i => i.Kind == InstitutionKind.PilotPlatform).SelectMany(i => i.Sectors).ToHashSet();
        Assert.Superset(new HashSet<Sector> { Sector.NextGenerationIct, Sector.IntegratedCircuits, Sector.Biotechnology }, fields);
    }

    [Fact]
    public void The_seed_clusters_and_emerging_industries_are_sectors_with_firms()
    {
        var region = Sectors.All.ToDictionary(s => s, s => World.Cities.Sum(c => c.Firms * c.SectorShares[(int)s]));

        // Seed 003's clusters (ICT, battery materials, medical and smart equipment) and seed 001's emerging industries (chips, NEV, storage).
        Assert.All([Sector.NextGenerationIct, Sector.BatteriesAndStorage, Sector.MedicalEquipment, Sector.SmartEquipment, Sector.IntegratedCircuits, Sector.NewEnergyVehicles],
            s => Assert.True(region[s] > 500, $"{s}: {region[s]}"));
    }
}
