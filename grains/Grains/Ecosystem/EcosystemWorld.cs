using GbaSim.Engine.Runs;
using GbaSim.Engine.Scenarios;
using GbaSim.Model;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Identity;
using GbaSim.Model.Sampling;
using StableHash = GbaSim.Kernel.Identity.StableHash;

namespace GbaSim.Grains.Ecosystem;

/// <summary>
/// A scenario's world as a run starts it: the read-only world model, the actor types, and the
/// actors it begins with (cities, ledgers, institutions and firms with the research of the years before under way,
/// policies and the generated firms). Built once per silo and run; every shard takes the
/// actors that hash to it.
/// </summary>
public sealed class EcosystemWorld
{
    private readonly Dictionary<ActorId, FirmProfile> _firms = [];
    private readonly ActorId? _faulty;
    private readonly int _faultMonth;

    public EcosystemWorld(ScenarioDefinition scenario, ulong seed, double scale, string? faultActor = null, int faultMonth = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        Seed = seed;
        World = new WorldModel(scenario.World, scale, scenario.PolicySpecs(), seed);
        Types = EcosystemModel.Register(World);
        var initial = new List<ActorId>();
        foreach (var city in Cities.All)
        {
            initial.Add(ModelActors.CityId(city));
            initial.Add(ModelActors.LedgerId(city));
        }
        initial.AddRange(Enumerable.Range(0, World.Institutions.Count).Select(ModelActors.InstitutionId));
        initial.AddRange(Enumerable.Range(0, World.Schedule.Policies.Count).Select(ModelActors.PolicyId));
        foreach (var (id, profile) in FirmGenerator.Generate(World))
        {
            _firms.Add(id, profile);
            initial.Add(id);
        }
        InitialActors = initial;
        if (InjectedFault.TryParse(faultActor, faultMonth, out var fault))
        {
            _faulty = ActorNames.TryParse(World, fault!.Type, fault.Key, out var id)
                ? id
                : throw new ArgumentException($"The actor to fail, '{faultActor}', does not exist in this world.");
            _faultMonth = faultMonth;
        }
    }

    public ScenarioDefinition Scenario { get; }

    public ulong Seed { get; }

    public WorldModel World { get; }

    public ActorTypeRegistry<EcosystemMessage> Types { get; }

    public IReadOnlyList<ActorId> InitialActors { get; }

    /// <summary>The actor the run starts with under <paramref name="id"/>, or one made by its type's factory (a firm founded during the run).</summary>
    public Actor<EcosystemMessage> ActorFor(ActorId id)
    {
        Actor<EcosystemMessage> actor;
        if (id.Type == ModelActors.Firm && _firms.TryGetValue(id, out var profile))
        {
            var firm = new Firm(World, profile);
            // The firm's own R&D of the years before the run, still under way.
            var random = new RandomStream(Seed, StableHash.Combine(StableHash.Of("seed-pipeline"), (ulong)id.Key));
            firm.SeedPipeline(id.Key, ref random);
            actor = firm;
        }
        else if (id.Type == ModelActors.Institution)
        {
            actor = Institution.Create(World, (int)id.Key);
            if (actor is ResearchInstitution research)
            {
                // Research already under way, so the chain is not empty at the start.
                var random = new RandomStream(Seed, StableHash.Combine(StableHash.Of("seed-results"), (ulong)id.Key));
                research.SeedResults(ref random);
            }
        }
        else
        {
            actor = Types.Activate(id);
        }
        return id == _faulty ? new FaultingActor(actor, _faultMonth) : actor;
    }
}
