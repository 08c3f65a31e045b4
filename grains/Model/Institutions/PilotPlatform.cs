using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A pilot-test (intermediate testing) platform or a proof-of-concept centre: a limited number of
/// concurrent tests, each lasting some months, that carry a technology across the "valley of
/// death" with better odds than a firm alone. Requests beyond capacity are turned away at once.
/// A proof-of-concept centre tests earlier, at the proof-of-concept stage, with its own months and odds.
/// </summary>
public sealed class PilotPlatform(WorldModel world, int index) : Institution(world, index)
{
    private readonly List<(long Firm, Technology Technology, int EndsAt)> _pilots = [];

    public long Started { get; private set; }

    public long Succeeded { get; private set; }

    public long TurnedAway { get; private set; }

    private bool ProvesConcepts => Definition.Kind == InstitutionKind.ProofOfConceptCentre;

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        var (extraSlots, uplift) = World.Schedule.PilotBonus(step, Definition.Key, City);
        var capacity = Math.Max(1, (int)Math.Round(Scaled(Definition.Capacity + extraSlots)));
        Finish(context, step, uplift);
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Capital)
            {
                Income += message.Capital.Amount;
                continue;
            }
            if (message.Kind != MessageKind.PilotRequest)
            {
                continue;
            }
            var firm = envelope.Sender;
            if (_pilots.Count >= capacity)
            {
                TurnedAway++;
                context.Send(firm, EcosystemMessage.Of(MessageKind.PilotResult, new Deal(message.Deal.Technology, -1, Index, false)));
                continue;
            }
            _pilots.Add((firm.Key, message.Deal.Technology, step + (ProvesConcepts ? Parameters.ProofOfConceptMonths : Parameters.PilotMonths)));
            Started++;
        }
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, 0, 0, 0));
    }

    private void Finish(ActorContext<EcosystemMessage> context, int step, double uplift)
    {
        for (var i = _pilots.Count - 1; i >= 0; i--)
        {
            var (firm, technology, endsAt) = _pilots[i];
            if (endsAt > step)
            {
                continue;
            }
            _pilots.RemoveAt(i);
            var odds = ProvesConcepts
                ? Parameters.ProofOfConceptBaseSuccess + (Parameters.ProofOfConceptQualityWeight * technology.Quality) + uplift
                : Parameters.PilotBaseSuccess + (Parameters.PilotQualityWeight * technology.Quality) + uplift;
            var success = context.Random.Chance(Math.Min(0.98, odds));
            if (success)
            {
                Succeeded++;
            }
            context.Send(ModelActors.FirmIdFromKey(firm), EcosystemMessage.Of(MessageKind.PilotResult, new Deal(technology, 0, Index, success)));
        }
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_pilots);
        writer.Write(Started);
        writer.Write(Succeeded);
        writer.Write(TurnedAway);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_pilots);
        Started = reader.Read<long>();
        Succeeded = reader.Read<long>();
        TurnedAway = reader.Read<long>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("slots", Scaled(Definition.Capacity));
        writer.Write("running", _pilots.Count);
        writer.Write("started", Started);
        writer.Write("succeeded", Succeeded);
        writer.Write("turnedAway", TurnedAway);
    }
}
