using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Chain;

/// <summary>
/// A city's record of what moved along the chain and between cities: every transition that
/// happened in the city, and every talent, capital and technology flow that left it. It keeps
/// the latest month's entries for the host to read, and running totals by stage.
/// </summary>
public sealed class ChainLedger(WorldModel world, City city) : EcosystemActor(world)
{
    private readonly List<ChainTransition> _transitions = [];
    private readonly List<FlowRecord> _flows = [];
    private readonly long[] _advanced = new long[ChainStages.Count];
    private readonly long[] _stalled = new long[ChainStages.Count];

    public City City { get; } = city;

    /// <summary>Transitions recorded in the latest step.</summary>
    public IReadOnlyList<ChainTransition> Transitions => _transitions;

    /// <summary>Flows out of the city recorded in the latest step.</summary>
    public IReadOnlyList<FlowRecord> Flows => _flows;

    /// <summary>Technologies that reached each stage in this city, over the run (entering basic research counts as reaching it).</summary>
    public IReadOnlyList<long> Reached => _advanced;

    /// <summary>Technologies that stalled at each stage in this city, over the run.</summary>
    public IReadOnlyList<long> StalledAt => _stalled;

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        _transitions.Clear();
        _flows.Clear();
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Transition)
            {
                var transition = message.Transition;
                _transitions.Add(transition);
                if (transition.Outcome == TransitionOutcome.Advanced)
                {
                    _advanced[(int)transition.To]++;
                }
                else
                {
                    _stalled[(int)transition.From]++;
                }
            }
            else if (message.Kind == MessageKind.Flow)
            {
                _flows.Add(message.Flow);
            }
        }
    }

    protected override EcosystemActor Fresh(WorldModel world) => new ChainLedger(world, City);

    public override void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_transitions);
        writer.WriteList(_flows);
        writer.WriteSpan<long>(_advanced);
        writer.WriteSpan<long>(_stalled);
    }

    public override void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_transitions);
        reader.ReadList(_flows);
        reader.ReadInto(_advanced);
        reader.ReadInto(_stalled);
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("city", City.DisplayName());
        writer.BeginObject("reached");
        foreach (var stage in ChainStages.All)
        {
            writer.Write(stage.FileName(), _advanced[(int)stage]);
        }
        writer.EndObject();
        writer.BeginObject("stalled");
        foreach (var stage in ChainStages.All)
        {
            writer.Write(stage.FileName(), _stalled[(int)stage]);
        }
        writer.EndObject();
        writer.Write("transitionsLastStep", _transitions.Count);
        writer.Write("flowsLastStep", _flows.Count);
    }
}
