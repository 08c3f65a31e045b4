using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>
/// The firm on a data exchange: with products to its name it lists its data for sale, and it buys
/// data products that speed its own R&amp;D for a while (seed 000: activating data on the Shenzhen Data Exchange).
/// </summary>
public sealed partial class Firm
{
    /// <summary>The last step a bought data product speeds the firm's research; -1 when it has none.</summary>
    public int DataUntil { get; private set; } = -1;

    /// <summary>How much faster the firm's projects break through while a data product serves them.</summary>
    private double DataPace(int step) => DataUntil >= step ? 1 + Parameters.DataProductUplift : 1.0;

    /// <summary>Lists the firm's data, and asks for a data product when it has none and can pay for one.</summary>
    private void TradeData(ActorContext<EcosystemMessage> context)
    {
        var exchange = World.DataExchangeFor(City);
        if (exchange < 0)
        {
            return;
        }
        var step = (int)context.Step;
        if (Products > 0 && context.Random.Chance(Parameters.DataListingMonthly))
        {
            context.Send(ModelActors.InstitutionId(exchange), EcosystemMessage.Of(MessageKind.DataListing, new Deal(default, 0, context.Id.Key, false, Here)));
        }
        if (DataUntil < step && Cash > 5 * Parameters.DataProductPrice && context.Random.Chance(Parameters.DataPurchaseMonthly * DataIntensity(Sector)))
        {
            context.Send(ModelActors.InstitutionId(exchange), EcosystemMessage.Of(MessageKind.DataRequest, new Deal(default, Cash * 0.1, context.Id.Key, false, Here)));
        }
    }

    /// <summary>A delivered data product: the firm pays the exchange its price and its research speeds up for the product's months.</summary>
    private void TakeDataProduct(ActorContext<EcosystemMessage> context, in Deal deal, long exchange)
    {
        Cash -= deal.Amount;
        DataUntil = (int)context.Step + Parameters.DataProductMonths - 1;
        Pay(context, ModelActors.InstitutionId((int)exchange), World.PlaceOf((int)exchange), new CapitalFlow(CapitalPurpose.DataSale, ChainStage.Market, City, -1, deal.Amount, 0), Zone);
    }

    /// <summary>Relative demand for data products: software, chips, AI and life sciences train and test on data most.</summary>
    private static double DataIntensity(Sector sector) => sector switch
    {
        Sector.NextGenerationIct or Sector.ArtificialIntelligence or Sector.IntegratedCircuits => 1.0,
        Sector.Biotechnology or Sector.MedicalEquipment or Sector.NewEnergyVehicles => 0.7,
        _ => 0.4,
    };
}
