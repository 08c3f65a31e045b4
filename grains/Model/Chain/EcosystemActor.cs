using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Model.Chain;

/// <summary>
/// What every grain of the model shares: the read-only world, and the ways it records chain
/// transitions and cross-city flows and moves money across frictions.
/// </summary>
public abstract class EcosystemActor(WorldModel world) : Actor<EcosystemMessage>
{
    protected WorldModel World { get; } = world;

    protected ModelParameters Parameters => World.Parameters;

    /// <summary>
    /// A deep copy of this grain that lives in <paramref name="world"/> (this run's world or a
    /// variant's): a fresh grain there given this one's state through its snapshot, so that a
    /// fork and a checkpoint copy exactly the same fields. A forked run is made of these copies.
    /// </summary>
    public EcosystemActor CopyInto(WorldModel world)
    {
        var writer = new SnapshotWriter();
        Save(writer);
        var copy = Fresh(world);
        copy.Restore(new SnapshotReader(writer.ToArray()));
        return copy;
    }

    /// <summary>Writes every field that changes while the run goes on (not the world, which the run rebuilds).</summary>
    public abstract void Save(SnapshotWriter writer);

    /// <summary>Takes the state <see cref="Save"/> wrote, into a grain as <see cref="Fresh"/> makes it.</summary>
    public abstract void Restore(SnapshotReader reader);

    /// <summary>A new grain with this one's identity in <paramref name="world"/>, before any state is restored into it.</summary>
    protected abstract EcosystemActor Fresh(WorldModel world);

    /// <summary>Records a transition with the ledger of the city where it happened.</summary>
    protected static void Record(ActorContext<EcosystemMessage> context, City city, in ChainTransition transition) =>
        context.Send(ModelActors.LedgerId(city), EcosystemMessage.Of(transition));

    /// <summary>Records a flow between two different cities with the sender's city ledger.</summary>
    protected static void RecordFlow(ActorContext<EcosystemMessage> context, FlowKind kind, City from, City to, double amount)
    {
        if (from != to && amount > 0)
        {
            context.Send(ModelActors.LedgerId(from), EcosystemMessage.Of(new FlowRecord(kind, from, to, amount)));
        }
    }

    /// <summary>
    /// Pays <paramref name="capital"/> from a place in its city (<paramref name="fromZone"/>) to a
    /// grain at <paramref name="to"/>; across a link the share the link loses (lowered by facilitation policies) never arrives.
    /// </summary>
    protected void Pay(ActorContext<EcosystemMessage> context, ActorId target, Place to, in CapitalFlow capital, Zone fromZone = Zone.None)
    {
        var loss = World.Loss(context.Step, new Place(capital.From, fromZone), to, FlowKind.Capital);
        var arriving = capital with { Amount = capital.Amount * (1 - loss) };
        context.Send(target, EcosystemMessage.Of(arriving));
        RecordFlow(context, FlowKind.Capital, capital.From, to.City, capital.Amount);
    }

    /// <summary>Whether a flow of <paramref name="kind"/> (a technology, a prototype, a data product) from one place to another survives the friction between them.</summary>
    protected bool Survives(ActorContext<EcosystemMessage> context, Place from, Place to, FlowKind kind = FlowKind.Technology)
    {
        var loss = World.Loss(context.Step, from, to, kind);
        return loss <= 0 || !context.Random.Chance(loss);
    }
}
