using GbaSim.Engine.Scenarios;
using GbaSim.Grains;
using GbaSim.Grains.Contracts;
using GbaSim.Grains.Firms;
using GbaSim.Grains.Institutions;
using GbaSim.Grains.Sampling;
using GbaSim.Grains.World;
using GbaSim.Runtime.Determinism;
using GbaSim.Runtime.Activation;
using GbaSim.Runtime.Hosting;
using GbaSim.Runtime.Identity;
using GbaSim.Runtime.Options;

namespace GbaSim.Engine.Runs;

/// <summary>Builds a scenario's world on a grain runtime: cities, ledgers, institutions, policies and generated firms.</summary>
public static class EcosystemWorld
{
    public static (GrainRuntime<EcosystemMessage> Runtime, WorldModel World) Build(ScenarioDefinition scenario, ulong seed, double scale, RuntimeOptions options, InjectedFault? fault = null)
    {
        var world = new WorldModel(scenario.World, scale, scenario.PolicySpecs(), seed);
        var types = EcosystemModel.Register(world);
        GrainId? faulty = null;
        if (fault is not null)
        {
            faulty = GrainNames.TryParse(world, fault.Type, fault.Key, out var id)
                ? id
                : throw new ArgumentException($"The grain to fail, '{fault.Type}/{fault.Key}', does not exist in this world.");
        }
        var runtime = new GrainRuntime<EcosystemMessage>(types, options, seed);
        foreach (var city in Cities.All)
        {
            Add(runtime, faulty, fault, ModelGrainTypes.CityId(city), runtime.Types.Activate(ModelGrainTypes.CityId(city)));
            Add(runtime, faulty, fault, ModelGrainTypes.LedgerId(city), runtime.Types.Activate(ModelGrainTypes.LedgerId(city)));
        }
        for (var i = 0; i < world.Institutions.Count; i++)
        {
            var institution = Institution.Create(world, i);
            if (institution is ResearchInstitution research)
            {
                // Research already under way: about a year's results, so the chain is not empty at the start.
                var random = new GrainRandom(seed, StableHash.Combine(StableHash.Of("seed-results"), (ulong)i));
                var count = random.StochasticRound(research.Researchers * world.Parameters.ResultsPerResearcher);
                research.SeedResults(count, ref random);
            }
            Add(runtime, faulty, fault, ModelGrainTypes.InstitutionId(i), institution);
        }
        for (var i = 0; i < world.Schedule.Policies.Count; i++)
        {
            Add(runtime, faulty, fault, ModelGrainTypes.PolicyId(i), runtime.Types.Activate(ModelGrainTypes.PolicyId(i)));
        }
        foreach (var (id, profile) in FirmGenerator.Generate(world))
        {
            Add(runtime, faulty, fault, id, new Firm(world, profile));
        }
        return (runtime, world);
    }

    private static void Add(GrainRuntime<EcosystemMessage> runtime, GrainId? faulty, InjectedFault? fault, GrainId id, Grain<EcosystemMessage> grain) =>
        runtime.Add(id, id == faulty ? new FaultingGrain(grain, fault!.Month) : grain);
}
