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
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Options;

namespace GbaSim.Tests.Model.Actors;

/// <summary>
/// A small run of real model grains on a real <see cref="GrainRuntime{TMessage}"/>. A test adds
/// the grains it exercises; before the first step every city, ledger, institution and policy it
/// did not add is filled with a <see cref="ProbeActor"/>, so the grains under test talk to
/// recorders instead of activating the rest of the model. Firms are not filled: a message to a
/// firm nobody added activates a real <see cref="Firm"/> (which is how foundings create firms).
/// </summary>
public sealed class ActorHarness : IDisposable
{
    private bool _sealed;

    public ActorHarness(WorldDefinition? world = null, IReadOnlyList<PolicySpec>? policies = null, double scale = 1.0, ulong seed = 1)
    {
        World = new WorldModel(world ?? ModelFixtures.World(), scale, policies ?? [], seed);
        Runtime = new GrainRuntime<EcosystemMessage>(EcosystemModel.Register(World), new RuntimeOptions { Threads = 1, Partitions = 4 }, seed);
    }

    public WorldModel World { get; }

    public GrainRuntime<EcosystemMessage> Runtime { get; }

    /// <summary>The next step to run (the number of steps run so far).</summary>
    public long Step => Runtime.Step;

    public ModelParameters Parameters => World.Parameters;

    public static ActorId CityId(City city) => ModelActors.CityId(city);

    public static ActorId LedgerId(City city) => ModelActors.LedgerId(city);

    public static ActorId PolicyId(int index) => ModelActors.PolicyId(index);

    public ActorId InstitutionId(string key) => World.TryFindInstitution(key, out var index)
        ? ModelActors.InstitutionId(index)
        : throw new ArgumentException($"No institution '{key}' in the test world.", nameof(key));

    public int IndexOf(string key) => (int)InstitutionId(key).Key;

    /// <summary>Adds the real grain its type's factory makes for <paramref name="id"/>.</summary>
    public T Add<T>(ActorId id)
        where T : Actor<EcosystemMessage>
    {
        var grain = (T)Runtime.Types.Activate(id);
        Place(id, grain);
        return grain;
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

    /// <summary>The grain placed (or activated) under <paramref name="id"/>.</summary>
    public T Actor<T>(ActorId id)
        where T : Actor<EcosystemMessage> => Runtime.TryGetGrain(id, out var grain)
            ? (T)grain
            : throw new InvalidOperationException($"{Runtime.Types.Describe(id)} is not active.");

    public ProbeActor Probe(ActorId id) => Actor<ProbeActor>(id);

    public bool IsActive(ActorId id) => Runtime.TryGetGrain(id, out _);

    /// <summary>Sends a message from the host; it is delivered in the next step.</summary>
    public void Post(ActorId target, in EcosystemMessage message) => Runtime.Post(target, message);

    /// <summary>Runs <paramref name="steps"/> supersteps; before the first, fills the unplaced service grains with probes.</summary>
    public void Run(int steps = 1)
    {
        Seal();
        for (var i = 0; i < steps; i++)
        {
            Runtime.RunStep();
        }
    }

    /// <summary>Every active real firm (foundings activate them), in identity order.</summary>
    public IReadOnlyList<(ActorId Id, Firm Firm)> Firms() => Runtime.GrainsInIdentityOrder()
        .Where(g => g.Grain is Firm)
        .Select(g => (g.Id, (Firm)g.Grain))
        .ToArray();

    /// <summary>A grain's state as its <c>WriteState</c> describes it, read back from JSON.</summary>
    public JsonElement State(ActorId id)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            if (!Runtime.TryWriteState(id, json))
            {
                throw new InvalidOperationException($"{Runtime.Types.Describe(id)} is not active.");
            }
        }
        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.GetProperty("state").Clone();
    }

    public void Dispose() => Runtime.Dispose();

    private void Place(ActorId id, Actor<EcosystemMessage> grain)
    {
        if (Runtime.TryGetGrain(id, out _))
        {
            throw new InvalidOperationException($"{Runtime.Types.Describe(id)} is already placed.");
        }
        Runtime.Add(id, grain);
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
            if (!Runtime.TryGetGrain(id, out _))
            {
                Runtime.Add(id, new ProbeActor());
            }
        }
    }
}
