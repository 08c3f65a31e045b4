using GbaSim.Engine.Scenarios;
using GbaSim.Model;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Hosting;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Options;

namespace GbaSim.Engine.Runs;

/// <summary>Builds a scenario's world on a grain runtime: cities, ledgers, institutions, policies and generated firms.</summary>
public static class EcosystemWorld
{
    public static (GrainRuntime<EcosystemMessage> Runtime, WorldModel World) Build(ScenarioDefinition scenario, ulong seed, double scale, RuntimeOptions options, InjectedFault? fault = null)
    {
        var world = new WorldModel(scenario.World, scale, scenario.PolicySpecs(), seed);
        var types = EcosystemModel.Register(world);
        ActorId? faulty = null;
        if (fault is not null)
        {
            faulty = ActorNames.TryParse(world, fault.Type, fault.Key, out var id)
                ? id
                : throw new ArgumentException($"The grain to fail, '{fault.Type}/{fault.Key}', does not exist in this world.");
        }
        var runtime = new GrainRuntime<EcosystemMessage>(types, options, seed);
        foreach (var city in Cities.All)
        {
            Add(runtime, faulty, fault, ModelActors.CityId(city), runtime.Types.Activate(ModelActors.CityId(city)));
            Add(runtime, faulty, fault, ModelActors.LedgerId(city), runtime.Types.Activate(ModelActors.LedgerId(city)));
        }
        for (var i = 0; i < world.Institutions.Count; i++)
        {
            var institution = Institution.Create(world, i);
            if (institution is ResearchInstitution research)
            {
                // Research already under way: about a year's results, so the chain is not empty at the start.
                var random = new RandomStream(seed, StableHash.Combine(StableHash.Of("seed-results"), (ulong)i));
                var count = random.StochasticRound(research.Researchers * world.Parameters.ResultsPerResearcher);
                research.SeedResults(count, ref random);
            }
            Add(runtime, faulty, fault, ModelActors.InstitutionId(i), institution);
        }
        for (var i = 0; i < world.Schedule.Policies.Count; i++)
        {
            Add(runtime, faulty, fault, ModelActors.PolicyId(i), runtime.Types.Activate(ModelActors.PolicyId(i)));
        }
        foreach (var (id, profile) in FirmGenerator.Generate(world))
        {
            Add(runtime, faulty, fault, id, new Firm(world, profile));
        }
        return (runtime, world);
    }

    private static void Add(GrainRuntime<EcosystemMessage> runtime, ActorId? faulty, InjectedFault? fault, ActorId id, Actor<EcosystemMessage> grain) =>
        runtime.Add(id, id == faulty ? new FaultingActor(grain, fault!.Month) : grain);
}
