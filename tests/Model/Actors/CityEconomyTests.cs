using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class CityEconomyTests
{
    /// <summary>No migration and no entrepreneurs: a city's pool changes only by what the test sends it, and ageing.</summary>
    private static readonly ModelParameters Quiet = ModelParameters.Default with { MigrationMonthly = 0, StartUpFormationRate = 0 };

    private static double FieldSupply(ActorHarness harness, City city, Sector field) =>
        harness.State(ActorHarness.CityId(city)).GetProperty("pool").GetProperty(field.Code()).GetDouble();

    private static EcosystemMessage Demand(City city, Sector field, int count) =>
        EcosystemMessage.Of(MessageKind.TalentDemand, new TalentFlow(TalentMove.Hire, field, TalentLevel.Professional, city, city, count));

    private static EcosystemMessage Migrants(City from, City to, Sector field, int count) =>
        EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, field, TalentLevel.Senior, from, to, count));

    private static EcosystemMessage Report(FirmStatus status, int talent = 10, int inventions = 0, int others = 0, short products = 1, double revenue = 0) =>
        EcosystemMessage.Of(new FirmReport(Sector.SmartEquipment, status, products, talent, inventions, others, revenue, 1e6));

    /// <summary>
    /// Four employers in Zhaoqing each ask, in step 0, for about half the biotechnology pool, so demand is
    /// about twice the supply; the city clears the market in step 1 and the hires arrive in step 2.
    /// </summary>
    private static (double Supply, int Request, int Demand, int[] Hired, CityFigures Month, TalentFlow[] Flows) OverDemandedMarket(ulong seed)
    {
        const City city = City.Zhaoqing;
        const Sector field = Sector.Biotechnology;
        var harness = new ActorHarness(TestWorlds.With(Quiet), seed: seed);
        var economy = harness.AddCity(city);
        var request = (int)Math.Round(FieldSupply(harness, city, field) / 2) + 1;
        var employers = Enumerable.Range(0, 4).Select(i => harness.AddProbe(ModelActors.FirmId(city, field, i))).ToArray();
        foreach (var employer in employers)
        {
            employer.Send(ActorHarness.CityId(city), Demand(city, field, request));
        }

        harness.Run();
        var supply = FieldSupply(harness, city, field);
        harness.Run();
        var month = economy.Month;
        harness.Run();

        var flows = employers.SelectMany(e => e.Of(MessageKind.Talent)).Select(m => m.Message.Talent).ToArray();
        var hired = employers.Select(e => e.Of(MessageKind.Talent).Sum(m => m.Message.Talent.Count)).ToArray();
        return (supply, request, request * employers.Length, hired, month, flows);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void City_clears_the_talent_market_pro_rata_when_demand_exceeds_supply(ulong seed)
    {
        var (supply, request, demand, hired, month, flows) = OverDemandedMarket(seed);

        Assert.True(demand > supply);
        // Each employer gets its pro-rata share of the pool, give or take rounding.
        var share = request * supply / demand;
        Assert.All(hired, hires => Assert.InRange(hires, Math.Floor(share) - hired.Length, Math.Ceiling(share)));
        Assert.All(flows, f => Assert.Equal((TalentMove.Hire, Sector.Biotechnology), (f.Move, f.Field)));
        Assert.Equal(hired.Sum(), month.Hires);
        Assert.Equal(demand, month.Hires + month.UnmetDemand);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void City_never_hires_out_more_people_than_its_pool_holds(ulong seed)
    {
        var (supply, _, _, hired, _, _) = OverDemandedMarket(seed);

        Assert.True(hired.Sum() <= supply, $"hired {hired.Sum()} from a pool of {supply:F2}");
    }

    [Fact]
    public void City_meets_all_demand_its_pool_can_supply_and_takes_the_hires_from_the_pool()
    {
        const City city = City.Zhaoqing;
        const Sector field = Sector.Marine;
        var harness = new ActorHarness(TestWorlds.With(Quiet));
        var economy = harness.AddCity(city);
        var employers = Enumerable.Range(0, 3).Select(i => harness.AddProbe(ModelActors.FirmId(city, field, i))).ToArray();
        foreach (var (employer, i) in employers.Select((e, i) => (e, i)))
        {
            employer.Send(ActorHarness.CityId(city), Demand(city, field, 5 + i));
        }

        harness.Run();
        var supply = FieldSupply(harness, city, field);
        harness.Run();
        var month = economy.Month;
        harness.Run();

        Assert.Equal([5, 6, 7], employers.Select(e => e.Of(MessageKind.Talent).Sum(m => m.Message.Talent.Count)));
        Assert.Equal(18, month.Hires);
        Assert.Equal(0, month.UnmetDemand);
        // The hires left the pool in step 1, before it aged in steps 1 and 2.
        var exit = 1 - harness.Parameters.TalentPoolExitMonthly;
        Assert.Equal((supply - 18) * exit * exit, FieldSupply(harness, city, field), 6);
    }

    [Fact]
    public void City_aggregates_firm_and_institution_reports_into_its_month_figures()
    {
        const City city = City.Zhaoqing;
        var harness = new ActorHarness(TestWorlds.With(Quiet));
        var economy = harness.AddCity(city);
        var reports = new[]
        {
            Report(FirmStatus.HighTech, talent: 12, inventions: 2, others: 5, products: 3, revenue: 1.5e6),
            Report(FirmStatus.HighTech | FirmStatus.BecameHighTech, talent: 8, inventions: 1, others: 0, products: 1, revenue: 0.5e6),
            Report(FirmStatus.Born | FirmStatus.StartUp | FirmStatus.Incubated, talent: 2, others: 1, products: 0),
            Report(FirmStatus.None, talent: 30, inventions: 4, others: 9, products: 5, revenue: 4e6),
            Report(FirmStatus.Closed, talent: 0, inventions: 7, others: 7, products: 2, revenue: 9e6),
            Report(FirmStatus.Closed | FirmStatus.HighTech, talent: 0),
        };
        foreach (var report in reports)
        {
            harness.Post(ActorHarness.CityId(city), report);
        }
        var institution = new InstitutionReport(InstitutionKind.University, 120, 4, 3, 9, 0, 0, 0);
        harness.Post(ActorHarness.CityId(city), EcosystemMessage.Of(institution));

        harness.Run();

        var open = reports.Select(r => r.FirmReport).Where(r => (r.Status & FirmStatus.Closed) == 0).ToArray();
        var month = economy.Month;
        Assert.Equal(open.Length, month.Firms);
        Assert.Equal(reports.Length - open.Length, month.Closures);
        Assert.Equal(open.Count(r => (r.Status & FirmStatus.HighTech) != 0), month.HighTechEnterprises);
        Assert.Equal(open.Count(r => (r.Status & FirmStatus.BecameHighTech) != 0), month.NewHighTechEnterprises);
        Assert.Equal(open.Count(r => (r.Status & FirmStatus.Born) != 0), month.Births);
        // A firm that closed this month still worked it: its patents and revenue count, its staff and products do not.
        var all = reports.Select(r => r.FirmReport).ToArray();
        Assert.Equal(all.Sum(r => r.InventionPatents) + institution.InventionPatents, month.InventionPatents);
        Assert.Equal(all.Sum(r => r.OtherPatents), month.OtherPatents);
        Assert.Equal(open.Sum(r => r.Talent), month.TalentEmployed);
        Assert.Equal(open.Sum(r => r.Products), month.Products);
        Assert.Equal(all.Sum(r => r.Revenue), month.Revenue, 6);
        Assert.Equal(institution.Researchers, month.Researchers);
        Assert.Equal(institution.Results, month.ResearchResults);
        Assert.Equal(institution.Graduates, month.Graduates);

        harness.Run();
        Assert.Equal(0, economy.Month.Firms);
        Assert.Equal(0, economy.Month.Closures);
    }

    [Fact]
    public void City_month_figures_add_up_what_its_real_firms_reported()
    {
        const City city = City.Jiangmen;
        var harness = new ActorHarness(TestWorlds.With(Quiet));
        var economy = harness.AddCity(city);
        var firms = new[]
        {
            harness.AddFirm(ModelActors.FirmId(city, Sector.Marine, 0), new FirmProfile(city, Zone.None, Sector.Marine, FirmStage.Growth, -40, 40, 5e7, 2, 1.2, true)),
            harness.AddFirm(ModelActors.FirmId(city, Sector.IntegratedCircuits, 0), new FirmProfile(city, Zone.None, Sector.IntegratedCircuits, FirmStage.Mature, -90, 120, 2e8, 5, 3.0, true)),
            harness.AddFirm(ModelActors.FirmId(city, Sector.Biotechnology, 0), new FirmProfile(city, Zone.None, Sector.Biotechnology, FirmStage.StartUp, -3, 6, 4e6, 0, 0, false)),
        };

        harness.Run();
        var talent = firms.Sum(f => f.Talent);
        var inventions = firms.Sum(f => f.InventionPatents);
        var others = firms.Sum(f => f.OtherPatents);
        harness.Run();

        var month = economy.Month;
        Assert.Equal(firms.Length, month.Firms);
        Assert.Equal(firms.Count(f => f.HighTech), month.HighTechEnterprises);
        Assert.Equal(1, month.StartUps);
        Assert.Equal(talent, month.TalentEmployed);
        Assert.Equal(inventions, month.InventionPatents);
        Assert.Equal(others, month.OtherPatents);
        Assert.Equal(firms.Sum(f => f.Products), month.Products);
    }

    [Fact]
    public void Migrants_crossing_a_lossy_link_arrive_fewer_than_left()
    {
        var harness = new ActorHarness(TestWorlds.With(ModelParameters.Default with { StartUpFormationRate = 0 }));
        var shenzhen = harness.AddCity(City.Shenzhen);
        var lostInShenzhen = 0L;
        for (var month = 0; month < 12; month++)
        {
            harness.Run();
            lostInShenzhen += shenzhen.Month.MigrantsLost;
        }
        harness.Run();

        var left = harness.Probe(ActorHarness.LedgerId(City.Shenzhen)).Of(MessageKind.Flow)
            .Select(m => m.Message.Flow)
            .Where(f => f.Kind == FlowKind.Talent && f.To == City.HongKong)
            .Sum(f => f.Amount);
        var arrived = harness.Probe(ActorHarness.CityId(City.HongKong)).Of(MessageKind.Talent)
            .Where(m => m.Sender == ActorHarness.CityId(City.Shenzhen))
            .Sum(m => m.Message.Talent.Count);
        var loss = harness.World.Link(City.Shenzhen, City.HongKong).TalentLoss;
        Assert.True(left > 100, $"only {left} left for Hong Kong");
        Assert.InRange((left - arrived) / left, loss - 0.05, loss + 0.05);
        Assert.True(lostInShenzhen >= left - arrived);
    }

    [Fact]
    public void Migrants_crossing_a_link_with_a_delay_join_the_pool_months_later()
    {
        const Sector field = Sector.ArtificialIntelligence;
        var harness = new ActorHarness(TestWorlds.With(Quiet));
        var hongKong = harness.AddCity(City.HongKong);
        var delay = harness.World.Link(City.Shenzhen, City.HongKong).TalentDelayMonths;
        Assert.True(delay >= 1);
        var exit = 1 - harness.Parameters.TalentPoolExitMonthly;
        var before = FieldSupply(harness, City.HongKong, field);
        harness.Post(ActorHarness.CityId(City.HongKong), Migrants(City.Shenzhen, City.HongKong, field, 500));

        for (var step = 0; step <= delay; step++)
        {
            harness.Run();
            var after = FieldSupply(harness, City.HongKong, field);
            var arrived = step == delay ? 500 : 0;
            Assert.Equal((before + arrived) * exit, after, 6);
            Assert.Equal(step < delay ? 500 : 0, harness.State(ActorHarness.CityId(City.HongKong)).GetProperty("inTransit").GetDouble());
            if (step == 0)
            {
                Assert.Equal(500, hongKong.Month.MigrantsIn);
            }
            before = after;
        }
    }

    [Fact]
    public void Migrants_within_a_territory_on_a_link_without_delay_join_the_pool_at_once()
    {
        const Sector field = Sector.ArtificialIntelligence;
        var harness = new ActorHarness(TestWorlds.With(Quiet));
        harness.AddCity(City.Shenzhen);
        Assert.Equal(0, harness.World.Link(City.Guangzhou, City.Shenzhen).TalentDelayMonths);
        var before = FieldSupply(harness, City.Shenzhen, field);
        harness.Post(ActorHarness.CityId(City.Shenzhen), Migrants(City.Guangzhou, City.Shenzhen, field, 500));

        harness.Run();

        Assert.Equal((before + 500) * (1 - harness.Parameters.TalentPoolExitMonthly), FieldSupply(harness, City.Shenzhen, field), 6);
    }

    [Fact]
    public void Cross_border_facilitation_lowers_the_loss_of_migrants_on_the_link()
    {
        static (double Left, double Arrived) Migration(params PolicySpec[] policies)
        {
            var harness = new ActorHarness(TestWorlds.With(ModelParameters.Default with { StartUpFormationRate = 0 }), policies, seed: 5);
            harness.AddCity(City.Shenzhen);
            harness.Run(13);
            var left = harness.Probe(ActorHarness.LedgerId(City.Shenzhen)).Of(MessageKind.Flow)
                .Where(m => m.Message.Flow.Kind == FlowKind.Talent && m.Message.Flow.To == City.HongKong)
                .Sum(m => m.Message.Flow.Amount);
            var arrived = harness.Probe(ActorHarness.CityId(City.HongKong)).Of(MessageKind.Talent).Sum(m => m.Message.Talent.Count);
            return (left, arrived);
        }

        var pair = new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]);
        var baseline = Migration();
        var facilitated = Migration(TestPolicies.Spec(PolicyType.CrossBorderFacilitation, scope: pair, parameters: new() { ["talentFrictionReduction"] = 0.5 }));

        // An easier journey draws more people across, and a smaller share of them is lost.
        Assert.True(facilitated.Left > baseline.Left, $"{facilitated.Left} left with the policy, {baseline.Left} without");
        var lostBefore = baseline.Left - baseline.Arrived;
        var lostAfter = facilitated.Left - facilitated.Arrived;
        Assert.True(lostAfter / facilitated.Left < lostBefore / baseline.Left, $"{lostAfter} lost with the policy, {lostBefore} without");
        Assert.InRange(lostAfter / facilitated.Left, 0, 0.15 * 0.5 + 0.05);
    }

    [Fact]
    public void Cross_border_facilitation_shortens_the_delay_of_migrants()
    {
        var pair = new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]);
        var policy = TestPolicies.Spec(PolicyType.CrossBorderFacilitation, scope: pair, parameters: new() { ["talentFrictionReduction"] = 0.5 });
        var harness = new ActorHarness(TestWorlds.With(Quiet), [policy]);
        harness.AddCity(City.HongKong);
        var delay = (int)Math.Round(harness.World.Link(City.Shenzhen, City.HongKong).TalentDelayMonths * 0.5);
        harness.Post(ActorHarness.CityId(City.HongKong), Migrants(City.Shenzhen, City.HongKong, Sector.Marine, 300));

        var inTransit = new List<double>();
        for (var step = 0; step < 3; step++)
        {
            harness.Run();
            inTransit.Add(harness.State(ActorHarness.CityId(City.HongKong)).GetProperty("inTransit").GetDouble());
        }

        Assert.Equal(Enumerable.Range(0, 3).Select(s => s < delay ? 300.0 : 0.0), inTransit);
    }

    [Fact]
    public void Entrepreneurs_found_firms_in_proportion_to_the_firms_already_there()
    {
        const City city = City.Zhaoqing;
        const int reported = 1000;
        var parameters = Quiet with { StartUpFormationRate = 1.2 };
        var harness = new ActorHarness(TestWorlds.With(parameters));
        var economy = harness.AddCity(city);
        for (var i = 0; i < reported; i++)
        {
            harness.Post(ActorHarness.CityId(city), Report(FirmStatus.HighTech));
        }

        harness.Run();
        var created = economy.Month.FirmsCreated;
        harness.Run();
        var lonely = economy.Month.FirmsCreated;

        var expected = reported * parameters.StartUpFormationRate / 12;
        Assert.InRange(created, expected * 0.7, expected * 1.3);
        Assert.InRange(lonely, 0, 3);
        var founded = harness.Firms().Where(f => f.Firm.City == city).ToArray();
        Assert.Equal(created, founded.Length);
        Assert.All(founded, f =>
        {
            Assert.True(f.Firm.Founded);
            Assert.Equal(FirmStage.StartUp, f.Firm.Stage);
            Assert.Equal(1, f.Firm.BornStep);
            Assert.Empty(f.Firm.Pipeline);
            Assert.Equal(f.Firm.Sector, ModelActors.FirmSector(f.Id.Key));
        });
    }
}
