using System.Text.Json;
using GbaSim.Contracts.Experiments;
using GbaSim.Contracts.Runs;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>
/// <c>POST /api/experiments</c>: an experiment whose variants fork from the baseline. For each
/// seed the baseline's months before the fork run once and every variant branches from there,
/// as one fork group that takes one of the silo's places; each scenario still gets a run of its
/// own under <c>/api/runs</c>, with every month, the shared ones included.
/// </summary>
public static class ExperimentEndpoints
{
    private static readonly string[] JsonTypes = ["application/json"];

    public static void MapExperimentEndpoints(this IEndpointRouteBuilder app)
    {
        var experiments = app.MapGroup("/api/experiments").WithTags("Experiments");
        experiments.MapPost("", Submit)
            .Accepts<ExperimentRequest>("application/json")
            .WithSummary("Run a baseline and variants that share their history up to forkAt: one fork group per seed.");
    }

    /// <summary>The body is read here rather than bound, so that an oversize or slow body is 413 or 408 like everywhere else.</summary>
    private static async Task<IResult> Submit(HttpRequest request, IGrainFactory grains, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(int.MaxValue, options.Value.MaxScenarioBytes + (64L * 1024));
        var (json, problem) = await RequestBody.ReadAsync(request, limit, JsonTypes, "JSON (Content-Type application/json)", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        ExperimentRequest? experiment;
        try
        {
            experiment = JsonSerializer.Deserialize(json!, ApiJsonContext.Default.ExperimentRequest);
        }
        catch (JsonException ex)
        {
            return Problems.BadArgument($"The body is not an experiment: {ex.Message}");
        }
        if (experiment is null)
        {
            return Problems.BadArgument("The body is not an experiment: it is null.");
        }
        return await Problems.Answer(() => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).SubmitExperiment(experiment), info => TypedResults.Accepted("/api/runs", info));
    }
}
