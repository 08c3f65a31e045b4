using System.Text.Json;
using GbaSim.Model;
using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;
using GbaSim.Tests.Kernel;

namespace GbaSim.Tests.Model.Actors;

/// <summary>
/// A small run of real model actors on real shards (four, stepped as a barrier by
/// <see cref="ShardedRun{TMessage}"/>). A test adds the actors it exercises; before the first
/// step every city, ledger, institution and policy it did not add is filled with a
/// <see cref="ProbeActor"/>, so the actors under test talk to recorders instead of activating the
/// rest of the model. Firms are not filled: a message to a firm nobody added activates a real
/// <see cref="Firm"/> (which is how foundings create firms).
/// </summary>
public sealed class ActorHarness
{
    private bool _sealed;

    public ActorHarness(WorldDefinition? world = null, IReadOnlyList<PolicySpec>? policies = null, double scale = 1.0, ulong seed = 1)
    {
        World = new WorldModel(world ?? ModelFixtures.World(), scale, policies ?? [], seed);
        Shards = new ShardedRun<EcosystemMessage>(EcosystemModel.Register(World), shards: 4, seed);
    }

    public WorldModel World { get; }

    public ShardedRun<EcosystemMessage> Shards { get; }

    /// <summary>The next step to run (the number of steps run so far).</summary>
    public long Step => Shards.Step;

    public ModelParameters Parameters => World.Parameters;

    public static ActorId CityId(City city) => ModelActors.CityId(city);

    public static ActorId LedgerId(City city) => ModelActors.LedgerId(city);

    public static ActorId PolicyId(int index) => ModelActors.PolicyId(index);

    public ActorId InstitutionId(string key) => World.TryFindInstitution(key, out var index)
        ? ModelActors.InstitutionId(index)
        : throw new ArgumentException($"No institution '{key}' in the test world.", nameof(key));

    public int IndexOf(string key) => (int)InstitutionId(key).Key;

    /// <summary>Adds the real actor its type's factory makes for <paramref name="id"/>.</summary>
    public T Add<T>(ActorId id)
        where T : Actor<EcosystemMessage>
    {
        var actor = (T)Shards.Types.Activate(id);
        Place(id, actor);
        return actor;
    }

    public CityEconomy AddCity(City city) => Add<CityEconomy>(CityId(city));

    public ChainLedger AddLedger(City city) => Add<ChainLedger>(LedgerId(city));

    public T AddInstitution<T>(string key)
        where T : Institution => Add<T>(InstitutionId(key));

    public PolicyProgramme AddPolicy(int index) => Add<PolicyProgramme>(PolicyId(index));

    public Firm AddFirm(ActorId id, FirmProfile profile)
    {
        var firm = new Firm(World, profile);
        Place(id, firm);
        return firm;
    }

    public ProbeActor AddProbe(ActorId id)
    {
        var probe = new ProbeActor();
        Place(id, probe);
        return probe;
    }

    /// <summary>The actor placed (or activated) under <paramref name="id"/>.</summary>
    public T Actor<T>(ActorId id)
        where T : Actor<EcosystemMessage> => Shards.TryGet(id, out var actor)
            ? (T)actor
            : throw new InvalidOperationException($"{Shards.Types.Describe(id)} is not active.");

    public ProbeActor Probe(ActorId id) => Actor<ProbeActor>(id);

    public bool IsActive(ActorId id) => Shards.TryGet(id, out _);

    /// <summary>Sends a message from the host; it is delivered in the next step.</summary>
    public void Post(ActorId target, in EcosystemMessage message) => Shards.Post(target, message);

    /// <summary>Runs <paramref name="steps"/> supersteps; before the first, fills the unplaced service actors with probes. An actor that throws fails the test.</summary>
    public void Run(int steps = 1)
    {
        Seal();
        if (Shards.Run(steps) is { } failure)
        {
            throw new InvalidOperationException(failure.Describe(Shards.Types), failure.Exception);
        }
    }

    /// <summary>Every active real firm (foundings activate them), in identity order.</summary>
    public IReadOnlyList<(ActorId Id, Firm Firm)> Firms() => Shards.ActorsInIdentityOrder()
        .Where(a => a.Actor is Firm)
        .Select(a => (a.Id, (Firm)a.Actor))
        .ToArray();

    /// <summary>An actor's state as its <c>WriteState</c> describes it, read back from JSON.</summary>
    public JsonElement State(ActorId id)
    {
        var actor = Actor<Actor<EcosystemMessage>>(id);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            var writer = new JsonStateWriter(json);
            writer.BeginObject("");
            actor.WriteState(writer);
            writer.EndObject();
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private void Place(ActorId id, Actor<EcosystemMessage> actor)
    {
        if (Shards.TryGet(id, out _))
        {
            throw new InvalidOperationException($"{Shards.Types.Describe(id)} is already placed.");
        }
        Shards.Add(id, actor);
    }

    private void Seal()
    {
        if (_sealed)
        {
            return;
        }
        _sealed = true;
        var services = Cities.All.SelectMany(c => new[] { CityId(c), LedgerId(c) })
            .Concat(Enumerable.Range(0, World.Institutions.Count).Select(ModelActors.InstitutionId))
            .Concat(Enumerable.Range(0, World.Schedule.Policies.Count).Select(ModelActors.PolicyId));
        foreach (var id in services)
        {
            if (!Shards.TryGet(id, out _))
            {
                Shards.Add(id, new ProbeActor());
            }
        }
    }
}
