using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A technology-transfer centre or technology market: it holds breakthroughs offered by
/// institutions and matches them each month, up to its capacity, with firms asking for
/// technologies of the same field. A match becomes a licence; an offer nobody takes within its
/// lifetime stalls. IP protection raises both the odds of a match and the price.
/// </summary>
public sealed class TechnologyTransferCentre(WorldModel world, int index) : Institution(world, index)
{
    private readonly List<(Technology Technology, long Licensor, int Since)> _offers = [];
    private readonly List<(long Firm, Sector Field, double Budget, Place Place)> _demands = [];

    public long Matches { get; private set; }

    public double TransactionValue { get; private set; }

    public long Expired { get; private set; }

    /// <summary>Licences that came back from firms that had closed.</summary>
    public long Returned { get; private set; }

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        var returned = 0.0;
        _demands.Clear();
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            switch (message.Kind)
            {
                case MessageKind.LicenceOffer:
                    _offers.Add((message.Deal.Technology, message.Deal.Counterpart, step));
                    returned += Unbook(message.Deal);
                    break;
                case MessageKind.TechnologyDemand:
                    _demands.Add((envelope.Sender.Key, message.Deal.Technology.Field, message.Deal.Amount, message.Deal.Sender ?? Place.Of(message.Deal.Technology.Origin)));
                    break;
                case MessageKind.Capital:
                    Income += message.Capital.Amount;
                    break;
            }
        }
        var value = Match(context, step) - returned;
        Expire(context, step);
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, 0, 0, value));
    }

    private double Match(ActorContext<EcosystemMessage> context, int step)
    {
        var (extra, _) = World.Schedule.TransferBonus(step, Definition.Key, City);
        var capacity = context.Random.StochasticRound(Scaled(Definition.Capacity + extra));
        var (licenceUplift, _) = World.Schedule.IpProtection(step, City);
        var monthValue = 0.0;
        foreach (var (firm, field, budget, firmPlace) in _demands)
        {
            if (capacity <= 0)
            {
                break;
            }
            var best = BestOffer(field);
            if (best < 0)
            {
                continue;
            }
            capacity--;
            var (technology, licensor, _) = _offers[best];
            var odds = Parameters.LicenceMatchProbability * (0.5 + technology.Quality) * (1 + licenceUplift);
            if (!context.Random.Chance(Math.Min(0.98, odds)) || !Survives(context, World.PlaceOf(Index), firmPlace))
            {
                continue;
            }
            // What a licence is worth is heavy tailed (a few licences carry most of the value): a log-normal draw with mean 1.
            var spread = Parameters.LicenceValueSpread;
            var worth = context.Random.LogNormal(Math.Exp(-spread * spread / 2), spread);
            var price = Math.Min(budget, Parameters.LicenceBasePrice * (0.5 + technology.Quality) * (1 + licenceUplift) * worth);
            _offers.RemoveAt(best);
            context.Send(ModelActors.FirmIdFromKey(firm), EcosystemMessage.Of(MessageKind.Licensed, new Deal(technology.Crossing(City, firmPlace.City), price, licensor, true)));
            RecordFlow(context, FlowKind.Technology, World.Institutions[(int)licensor].City, firmPlace.City, 1);
            Matches++;
            TransactionValue += price;
            monthValue += price;
        }
        return monthValue;
    }

    /// <summary>A licence a closed firm sent back (an offer flagged as a success) is no sale: its match and value are taken back.</summary>
    private double Unbook(in Deal returned)
    {
        if (!returned.Success)
        {
            return 0;
        }
        Matches--;
        TransactionValue -= returned.Amount;
        Returned++;
        return returned.Amount;
    }

    private int BestOffer(Sector field)
    {
        var best = -1;
        for (var i = 0; i < _offers.Count; i++)
        {
            if (_offers[i].Technology.Field == field && (best < 0 || _offers[i].Technology.Quality > _offers[best].Technology.Quality))
            {
                best = i;
            }
        }
        return best;
    }

    private void Expire(ActorContext<EcosystemMessage> context, int step)
    {
        for (var i = _offers.Count - 1; i >= 0; i--)
        {
            if (step - _offers[i].Since >= Parameters.OfferLifetimeMonths)
            {
                var (technology, licensor, _) = _offers[i];
                _offers.RemoveAt(i);
                Expired++;
                Record(context, City, new ChainTransition(technology, ChainStage.Breakthrough, ChainStage.Breakthrough, TransitionOutcome.Stalled, City, false, HolderKind.Institution, Index, licensor));
            }
        }
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_offers);
        writer.WriteList(_demands);
        writer.Write(Matches);
        writer.Write(TransactionValue);
        writer.Write(Expired);
        writer.Write(Returned);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_offers);
        reader.ReadList(_demands);
        Matches = reader.Read<long>();
        TransactionValue = reader.Read<double>();
        Expired = reader.Read<long>();
        Returned = reader.Read<long>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("capacityPerMonth", Scaled(Definition.Capacity));
        writer.Write("offers", _offers.Count);
        writer.Write("matches", Matches);
        writer.Write("expired", Expired);
        writer.Write("returned", Returned);
        writer.Write("transactionValue", TransactionValue);
    }
}
