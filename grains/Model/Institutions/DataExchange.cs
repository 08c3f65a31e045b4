using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A data exchange (the Shenzhen Data Exchange in Qianhai): firms with products list their data,
/// other firms buy data products, as many a month as the exchange's capacity. A product travels
/// from its seller to its buyer and, across a border, meets the data friction (mainland export
/// rules), which may stop the sale. The exchange keeps its fee and passes the rest to the seller.
/// </summary>
public sealed class DataExchange : Institution
{
    private readonly List<(long Firm, Place Place, int Until)> _sellers = [];
    private readonly List<(long Firm, Place Place, double Budget)> _requests = [];
    private readonly List<(long Firm, Place Place)> _listings = [];
    private readonly Dictionary<long, int> _lastListing = [];
    private readonly Predicate<(long Firm, Place Place, int Until)> _relisted;

    public DataExchange(WorldModel world, int index)
        : base(world, index)
    {
        // Made once, so that a month's turn allocates no delegate.
        _relisted = s => _lastListing.ContainsKey(s.Firm);
    }

    public long Sold { get; private set; }

    public long Blocked { get; private set; }

    public double SalesValue { get; private set; }

    public IReadOnlyList<(long Firm, Place Place, int Until)> Sellers => _sellers;

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        _requests.Clear();
        _listings.Clear();
        _sellers.RemoveAll(s => s.Until < step);
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            var place = message.Deal.SenderPlace(envelope.Sender.Key);
            switch (message.Kind)
            {
                case MessageKind.DataListing:
                    _listings.Add((envelope.Sender.Key, place));
                    break;
                case MessageKind.DataRequest:
                    _requests.Add((envelope.Sender.Key, place, message.Deal.Amount));
                    break;
                case MessageKind.Capital:
                    Income += message.Capital.Amount;
                    break;
            }
        }
        List(step);
        Sell(context);
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, 0, 0, 0));
    }

    /// <summary>
    /// A firm that lists again replaces its listing, which moves to the end; so do the month's
    /// new listings, each firm's last one, in the order they came. Done in one pass each: removing
    /// a firm's old listing per message cost listings × sellers, most of a million-firm month.
    /// </summary>
    private void List(int step)
    {
        if (_listings.Count == 0)
        {
            return;
        }
        _lastListing.Clear();
        for (var i = 0; i < _listings.Count; i++)
        {
            _lastListing[_listings[i].Firm] = i;
        }
        _sellers.RemoveAll(_relisted);
        for (var i = 0; i < _listings.Count; i++)
        {
            var (firm, place) = _listings[i];
            if (_lastListing[firm] == i)
            {
                _sellers.Add((firm, place, step + Parameters.DataListingMonths - 1));
            }
        }
    }

    private void Sell(ActorContext<EcosystemMessage> context)
    {
        var capacity = context.Random.StochasticRound(Scaled(Definition.Capacity));
        var price = Parameters.DataProductPrice;
        foreach (var (buyer, buyerPlace, budget) in _requests)
        {
            if (capacity <= 0 || _sellers.Count == 0)
            {
                return;
            }
            if (budget < price)
            {
                continue;
            }
            capacity--;
            var (seller, sellerPlace, _) = _sellers[context.Random.NextInt(_sellers.Count)];
            if (seller == buyer)
            {
                continue;
            }
            if (!Survives(context, sellerPlace, buyerPlace, FlowKind.Data))
            {
                Blocked++;
                continue;
            }
            Sold++;
            SalesValue += price;
            context.Send(ModelActors.FirmIdFromKey(buyer), EcosystemMessage.Of(MessageKind.DataProduct, new Deal(default, price, Index, true)));
            RecordFlow(context, FlowKind.Data, sellerPlace.City, buyerPlace.City, price);
            Pay(context, ModelActors.FirmIdFromKey(seller), sellerPlace, new CapitalFlow(CapitalPurpose.DataSale, ChainStage.Market, City, -1, price * (1 - Definition.FeeRate), 0), Definition.Zone);
        }
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_sellers);
        writer.WriteList(_requests);
        writer.Write(Sold);
        writer.Write(Blocked);
        writer.Write(SalesValue);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_sellers);
        reader.ReadList(_requests);
        Sold = reader.Read<long>();
        Blocked = reader.Read<long>();
        SalesValue = reader.Read<double>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("capacityPerMonth", Scaled(Definition.Capacity));
        writer.Write("sellers", _sellers.Count);
        writer.Write("sold", Sold);
        writer.Write("blocked", Blocked);
        writer.Write("salesValue", SalesValue);
    }
}
