using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// An incubator or youth innovation hub: it admits start-ups while it has places, and an
/// admitted start-up spends less and is less likely to fold for the months of its stay.
/// Its places in a city also make researchers there more willing to spin off. Incubator-support
/// policies pay for extra places month by month; unpaid, they close to newcomers.
/// </summary>
public sealed class Incubator(WorldModel world, int index) : Institution(world, index)
{
    private readonly List<int> _leaving = [];

    public long Admitted { get; private set; }

    public long Refused { get; private set; }

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        _leaving.RemoveAll(until => until < step);
        var places = Math.Max(1, (int)Math.Round(Scaled(Definition.Capacity))) + FundedPlaces(context);
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind != MessageKind.IncubationRequest)
            {
                continue;
            }
            if (_leaving.Count >= places)
            {
                Refused++;
                continue;
            }
            _leaving.Add(step + Parameters.IncubationMonths - 1);
            Admitted++;
            context.Send(envelope.Sender, EcosystemMessage.Of(MessageKind.IncubationGrant, new Deal(default, Parameters.IncubationMonths, Index, true)));
        }
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, 0, 0, 0));
    }

    /// <summary>The extra places incubator-support policies paid for this month: a month's money buys a month of each place.</summary>
    private int FundedPlaces(ActorContext<EcosystemMessage> context)
    {
        var places = 0.0;
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Capital && message.Capital.Policy >= 0
                && World.Schedule.Policies[message.Capital.Policy] is { Type: PolicyType.IncubatorSupport } policy)
            {
                places += message.Capital.Amount / (policy.Parameter("placeCostPerYear") / 12);
            }
        }
        return (int)Math.Round(places);
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_leaving);
        writer.Write(Admitted);
        writer.Write(Refused);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_leaving);
        Admitted = reader.Read<long>();
        Refused = reader.Read<long>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("places", Scaled(Definition.Capacity));
        writer.Write("occupied", _leaving.Count);
        writer.Write("admitted", Admitted);
        writer.Write("refused", Refused);
    }
}
