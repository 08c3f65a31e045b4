using System.Runtime.InteropServices;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Sharding;
using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Grains.Ecosystem;

/// <summary>The GBA model as shard grains host it: cities, ledgers and policies report after every step.</summary>
public sealed class EcosystemShardModel(EcosystemWorld world, EcosystemWorlds worlds) : IShardModel<EcosystemMessage>
{
    public ActorTypeRegistry<EcosystemMessage> Types => world.Types;

    public IEnumerable<ActorId> InitialActors() => world.InitialActors;

    public Actor<EcosystemMessage> ActorFor(ActorId id) => world.ActorFor(id);

    public bool Reports(ActorId id) => id.Type == ModelActors.City || id.Type == ModelActors.Ledger || id.Type == ModelActors.Policy;

    public ActorReport Report(ActorId id, Actor<EcosystemMessage> actor) => Unwrapped(actor) switch
    {
        CityEconomy city => new CityReport(city.City, city.Month.Values().Select(v => v.Value).ToArray()),
        ChainLedger ledger => new LedgerReport(ledger.City, Bytes(ledger.Transitions), Bytes(ledger.Flows)),
        PolicyProgramme policy => new PolicyReport((int)id.Key, policy.SpentThisMonth, policy.Spent),
        _ => throw new ArgumentException($"{world.Types.Describe(id)} does not report.", nameof(id)),
    };

    public bool TryFind(string type, string key, out ActorId id) => ActorNames.TryParse(world.World, type, key, out id);

    public (IShardModel<EcosystemMessage> Model, Func<ActorId, Actor<EcosystemMessage>, Actor<EcosystemMessage>> Clone) ForVariant(ShardModelSpec variant)
    {
        var spec = variant as EcosystemModelSpec ?? throw new ArgumentException("A GBA run forks only into another GBA run.", nameof(variant));
        var branch = worlds.Get(spec, world.Seed);
        return (new EcosystemShardModel(branch, worlds), (_, actor) => CopyInto(actor, branch.World));
    }

    public void Save(ActorId id, Actor<EcosystemMessage> actor, SnapshotWriter writer)
    {
        if (Unwrapped(actor) is not EcosystemActor model)
        {
            throw new InvalidOperationException($"{world.Types.Describe(id)} is a {actor.GetType().Name}, which a checkpoint cannot keep.");
        }
        model.Save(writer);
    }

    /// <summary>The actor as the run makes it under this identity (with any injected fault around it), given the saved state.</summary>
    public Actor<EcosystemMessage> Load(ActorId id, SnapshotReader reader)
    {
        var actor = world.ActorFor(id);
        ((EcosystemActor)Unwrapped(actor)).Restore(reader);
        return actor;
    }

    /// <summary>The figures of one step, from every shard's reports.</summary>
    public static StepFigures Figures(IEnumerable<ActorReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var figures = new StepFigures();
        foreach (var report in reports)
        {
            switch (report)
            {
                case CityReport city:
                    figures.Cities[city.City] = CityFigures.FromValues(city.Figures);
                    break;
                case LedgerReport ledger:
                    figures.Ledgers[ledger.City] = (MemoryMarshal.Cast<byte, ChainTransition>(ledger.Transitions).ToArray(), MemoryMarshal.Cast<byte, FlowRecord>(ledger.Flows).ToArray());
                    break;
                case PolicyReport policy:
                    figures.Policies[policy.Index] = (policy.SpentThisMonth, policy.Spent);
                    break;
            }
        }
        return figures;
    }

    private static Actor<EcosystemMessage> Unwrapped(Actor<EcosystemMessage> actor) => actor is FaultingActor faulting ? faulting.Inner : actor;

    private static byte[] Bytes<T>(IReadOnlyList<T> items)
        where T : unmanaged => items is List<T> list ? MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(list)).ToArray() : MemoryMarshal.AsBytes(items.ToArray().AsSpan()).ToArray();

    private static Actor<EcosystemMessage> CopyInto(Actor<EcosystemMessage> actor, WorldModel world) => actor switch
    {
        EcosystemActor model => model.CopyInto(world),
        FaultingActor faulting => faulting.Around(CopyInto(faulting.Inner, world)),
        _ => throw new InvalidOperationException($"An actor of type {actor.GetType().Name} cannot be copied into a forked run."),
    };
}
