using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Firms list and buy data products on a data exchange; data crossing a border meets its own friction.</summary>
public sealed class DataExchangeTests
{
    private const string Exchange = "sz-data";
    private static readonly ActorId Seller = ModelActors.FirmId(City.Shenzhen, Sector.ArtificialIntelligence, 0);

    private static ActorHarness Harness(double capacity, double dataLoss = 0.3, ModelParameters? parameters = null)
    {
        var world = TestWorlds.Only(parameters, TestWorlds.Institution(Exchange, InstitutionKind.DataExchange, City.Shenzhen, capacity: capacity, fee: 0.1, zone: Zone.Qianhai));
        world = world with { Links = [.. world.Links.Select(l => l.A == City.Shenzhen && l.B == City.HongKong ? l with { DataLoss = dataLoss } : l)] };
        return new ActorHarness(world, seed: 3);
    }

    private static ProbeActor[] Buyers(ActorHarness harness, City city, int count)
    {
        var buyers = Enumerable.Range(1, count).Select(i => harness.AddProbe(ModelActors.FirmId(city, Sector.NextGenerationIct, i))).ToArray();
        foreach (var buyer in buyers)
        {
            buyer.Send(harness.InstitutionId(Exchange), EcosystemMessage.Of(MessageKind.DataRequest, new Deal(default, 1e6, 0, false)));
        }
        return buyers;
    }

    private static ProbeActor ListedSeller(ActorHarness harness)
    {
        var seller = harness.AddProbe(Seller);
        seller.Send(harness.InstitutionId(Exchange), EcosystemMessage.Of(MessageKind.DataListing, new Deal(default, 0, 0, false, new Place(City.Shenzhen, Zone.Qianhai))));
        return seller;
    }

    [Fact]
    public void Exchange_sells_listed_data_up_to_its_capacity_and_passes_the_price_less_its_fee_to_the_seller()
    {
        var harness = Harness(capacity: 2);
        var exchange = harness.AddInstitution<DataExchange>(Exchange);
        var seller = ListedSeller(harness);
        var buyers = Buyers(harness, City.Shenzhen, 3);

        harness.Run(3);

        var price = harness.Parameters.DataProductPrice;
        var delivered = buyers.SelectMany(b => b.Of(MessageKind.DataProduct)).ToArray();
        Assert.Equal(2, delivered.Length);
        Assert.All(delivered, d => Assert.Equal(price, d.Message.Deal.Amount));
        Assert.Equal(2 * price * 0.9, seller.Of(MessageKind.Capital).Sum(c => c.Message.Capital.Amount), 6);
        Assert.Equal((2L, 2 * price), (exchange.Sold, exchange.SalesValue));
    }

    [Fact]
    public void Data_crossing_the_border_meets_the_data_friction_and_is_counted_as_a_data_flow()
    {
        int Delivered(double dataLoss, out ActorHarness harness)
        {
            harness = Harness(capacity: 100, dataLoss);
            harness.AddInstitution<DataExchange>(Exchange);
            ListedSeller(harness);
            var buyers = Buyers(harness, City.HongKong, 40);
            harness.Run(3);
            return buyers.Sum(b => b.Of(MessageKind.DataProduct).Count);
        }

        var open = Delivered(0, out var openHarness);
        var closed = Delivered(0.9, out var closedHarness);

        Assert.Equal(40, open);
        Assert.InRange(closed, 0, 12);
        Assert.Equal(40L - closed, closedHarness.Actor<DataExchange>(closedHarness.InstitutionId(Exchange)).Blocked);
        var flows = openHarness.Probe(ActorHarness.LedgerId(City.Shenzhen)).Of(MessageKind.Flow).Select(f => f.Message.Flow).Where(f => f.Kind == FlowKind.Data).ToArray();
        Assert.Equal(40, flows.Length);
        Assert.All(flows, f => Assert.Equal((City.Shenzhen, City.HongKong), (f.From, f.To)));
    }

    [Fact]
    public void Firm_pays_for_a_data_product_and_its_research_is_served_for_the_products_months()
    {
        var harness = Harness(capacity: 10);
        var buyer = ModelActors.FirmId(City.Shenzhen, Sector.ArtificialIntelligence, 5);
        var firm = harness.AddFirm(buyer, new FirmProfile(City.Shenzhen, Zone.None, Sector.ArtificialIntelligence, FirmStage.Growth, -60, 20, 5e7, 1, 0.6, true));
        var exchange = harness.AddProbe(harness.InstitutionId(Exchange));
        exchange.Send(buyer, EcosystemMessage.Of(MessageKind.DataProduct, new Deal(default, 240_000, harness.IndexOf(Exchange), true)));

        harness.Run(3);

        Assert.Equal(1 + harness.Parameters.DataProductMonths - 1, firm.DataUntil);
        var paid = Assert.Single(exchange.Of(MessageKind.Capital)).Message.Capital;
        Assert.Equal((CapitalPurpose.DataSale, 240_000.0), (paid.Purpose, paid.Amount));
    }
}
