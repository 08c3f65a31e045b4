using GbaSim.Engine.Scenarios;
using GbaSim.Grains;
using GbaSim.Grains.Contracts;
using GbaSim.Grains.Firms;
using GbaSim.Grains.Institutions;
using GbaSim.Grains.Sampling;
using GbaSim.Grains.World;
using GbaSim.Runtime.Determinism;
using GbaSim.Runtime.Hosting;
using GbaSim.Runtime.Identity;
using GbaSim.Runtime.Options;

namespace GbaSim.Engine.Runs;

/// <summary>Builds a scenario's world on a grain runtime: cities, ledgers, institutions, policies and generated firms.</summary>
public static class EcosystemWorld
{
    public static (GrainRuntime<EcosystemMessage> Runtime, WorldModel World) Build(ScenarioDefinition scenario, ulong seed, double scale, RuntimeOptions options)
    {
        var world = new WorldModel(scenario.World, scale, scenario.PolicySpecs(), seed);
        var runtime = new GrainRuntime<EcosystemMessage>(EcosystemModel.Register(world), options, seed);
        foreach (var city in Cities.All)
        {
            runtime.Add(ModelGrainTypes.CityId(city), runtime.Types.Activate(ModelGrainTypes.CityId(city)));
            runtime.Add(ModelGrainTypes.LedgerId(city), runtime.Types.Activate(ModelGrainTypes.LedgerId(city)));
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
            runtime.Add(ModelGrainTypes.InstitutionId(i), institution);
        }
        for (var i = 0; i < world.Schedule.Policies.Count; i++)
        {
            runtime.Add(ModelGrainTypes.PolicyId(i), runtime.Types.Activate(ModelGrainTypes.PolicyId(i)));
        }
        foreach (var (id, profile) in FirmGenerator.Generate(world))
        {
            runtime.Add(id, new Firm(world, profile));
        }
        return (runtime, world);
    }
}
