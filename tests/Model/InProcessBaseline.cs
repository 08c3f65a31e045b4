using GbaSim.Engine.Scenarios;
using GbaSim.Grains.Ecosystem;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.World;
using GbaSim.Tests.Kernel;
using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Model;

/// <summary>
/// The committed <c>scenarios/gba-baseline.yaml</c> run in this process on plain shards (the world
/// a run grain starts, stepped as shard grains step it), so a test can read every actor's final
/// state, closed firms included, which a silo's inspector shows only one at a time.
/// </summary>
public sealed class InProcessBaseline
{
    private InProcessBaseline(ShardedRun<EcosystemMessage> run, int months)
    {
        Run = run;
        Months = months;
    }

    public ShardedRun<EcosystemMessage> Run { get; }

    public int Months { get; }

    public static InProcessBaseline Start(double scale, int months) =>
        Start(ScenarioLoader.Load(Repository.PathOf("scenarios/gba-baseline.yaml")), scale, months);

    /// <summary>Any scenario, run the same way with its own seed.</summary>
    public static InProcessBaseline Start(ScenarioDefinition scenario, double scale, int months)
    {
        var world = new EcosystemWorld(scenario, scenario.Seed, scale);
        var run = new ShardedRun<EcosystemMessage>(world.Types, shards: 4, world.Seed);
        foreach (var id in world.InitialActors)
        {
            run.Add(id, world.ActorFor(id));
        }
        var failure = run.Run(months + 1);
        Assert.Null(failure);
        return new InProcessBaseline(run, months);
    }

    /// <summary>Every firm that was ever founded, open or closed, at the end of the run.</summary>
    public IEnumerable<Firm> Firms() =>
        Run.Shards.SelectMany(s => s.ActorsInIdentityOrder()).Where(a => a.Id.Type == ModelActors.Firm).Select(a => a.Actor).OfType<Firm>().Where(f => f.Founded);
}
