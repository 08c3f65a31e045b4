using System.Globalization;
using GbaSim.Grains.Sharding;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Bench.Boltzmann;

/// <summary>The Boltzmann model as shard grains host it: agents keyed 0 to N - 1, none of which reports.</summary>
public sealed class BoltzmannShardModel : IShardModel<Coin>
{
    private readonly int _agents;
    private readonly ActorType _agent;

    public BoltzmannShardModel(int agents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        _agents = agents;
        Types = new ActorTypeRegistry<Coin>();
        _agent = Types.Add("agent", _ => new WealthAgent(_agent, _agents));
    }

    public ActorTypeRegistry<Coin> Types { get; }

    public IEnumerable<ActorId> InitialActors()
    {
        for (var key = 0; key < _agents; key++)
        {
            yield return new ActorId(_agent, key);
        }
    }

    public Actor<Coin> ActorFor(ActorId id) => new WealthAgent(_agent, _agents);

    public bool Reports(ActorId id) => false;

    public ActorReport Report(ActorId id, Actor<Coin> actor) => throw new ArgumentException("Boltzmann agents do not report.", nameof(id));

    public bool TryFind(string type, string key, out ActorId id)
    {
        id = default;
        if (type != "agent" || !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= _agents)
        {
            return false;
        }
        id = new ActorId(_agent, index);
        return true;
    }

    public void Save(ActorId id, Actor<Coin> actor, SnapshotWriter writer) => writer.Write(((WealthAgent)actor).Wealth);

    public Actor<Coin> Load(ActorId id, SnapshotReader reader) => ((WealthAgent)ActorFor(id)).WithWealth(reader.Read<long>());

    public (IShardModel<Coin> Model, Func<ActorId, Actor<Coin>, Actor<Coin>> Clone) ForVariant(ShardModelSpec variant) =>
        variant is BoltzmannModelSpec spec && spec.Agents == _agents
            ? (this, static (_, agent) => ((WealthAgent)agent).Copy())
            : throw new ArgumentException("A Boltzmann run forks only into a Boltzmann run of as many agents.", nameof(variant));
}
