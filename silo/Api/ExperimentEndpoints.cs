using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;

namespace GbaSim.Silo.Api;

/// <summary>
/// <c>POST /api/experiments</c>: an experiment whose variants fork from the baseline. For each
/// seed the baseline's months before the fork run once and every variant branches from there,
/// as one fork group that takes one of the silo's places; each scenario still gets a run of its
/// own under <c>/api/runs</c>, with every month, the shared ones included.
/// </summary>
public static class ExperimentEndpoints
{
    public static void MapExperimentEndpoints(this IEndpointRouteBuilder app)
    {
        var experiments = app.MapGroup("/api/experiments").WithTags("Experiments");
        experiments.MapPost("", (ExperimentRequest request, IGrainFactory grains) =>
                Problems.Answer(() => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).SubmitExperiment(request), info => TypedResults.Accepted("/api/runs", info)))
            .WithSummary("Run a baseline and variants that share their history up to forkAt: one fork group per seed.");
    }
}
