using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GbaSim.Contracts;
using GbaSim.Contracts.Runs;
using GbaSim.Model.World;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>
/// The run endpoints under <c>/api/runs</c>: submit, list, status, live events, results, export,
/// actor state, cancel. Each is a thin call to the grains the CLI calls too.
/// </summary>
public static class RunEndpoints
{
    public static void MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs");
        runs.MapPost("", Submit).WithSummary("Submit a scenario (YAML body), or run a library scenario with ?scenario=path.");
        runs.MapGet("", List).WithSummary("List runs, newest first (?limit=, default 200).");
        runs.MapGet("/inspectable", async (IGrainFactory grains) => TypedResults.Ok(new InspectableRuns(await grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Inspectable())))
            .WithSummary("The runs whose grains can be inspected now: running, or among the newest finished runs the silo keeps.");
        runs.MapGet("/{id}", Get).WithSummary("A run's status and progress.");
        runs.MapGet("/{id}/events", Events).WithSummary("Server-sent events: one 'month' event per finished month, then a 'status' event when the run ends.");
        runs.MapGet("/{id}/results", (string id, string? city, IGrainFactory grains) =>
            Problems.Answer(() => Results(grains).Results(id, city), r => TypedResults.Ok(r))).WithSummary("A run's headline figures and monthly series, for the region or ?city=.");
        runs.MapGet("/{id}/export/{table}", (string id, string table, IGrainFactory grains) =>
            Problems.Answer(() => Results(grains).Export(id, table), csv => TypedResults.Text(csv, "text/csv"))).WithSummary("A run's table as CSV: months, transitions, flows or policies.");
        runs.MapGet("/{id}/grains/{type}/{key}", (string id, string type, string key, IGrainFactory grains) =>
            Problems.Answer(() => grains.GetGrain<IRunGrain>(id).Inspect(type, Uri.UnescapeDataString(key)), state => TypedResults.Text(state, "application/json")))
            .WithSummary("The state of an actor (e.g. city/Shenzhen) at the latest or final step.");
        runs.MapPost("/{id}/resume", (string id, IGrainFactory grains) =>
            Problems.Answer(() => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Resume(id), r => TypedResults.Accepted($"/api/runs/{id}", r)))
            .WithSummary("Continue an interrupted run from its last checkpoint.");
        runs.MapPost("/{id}/cancel", (string id, IGrainFactory grains) =>
            Problems.Answer(() => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Cancel(id), r => TypedResults.Accepted($"/api/runs/{id}", r))).WithSummary("Cancel a queued or running run.");
    }

    private static IRunResultsGrain Results(IGrainFactory grains) => grains.GetGrain<IRunResultsGrain>(0);

    private static async Task<IResult> Submit(
        HttpRequest request, IGrainFactory grains, IOptions<SiloOptions> options, IOptions<GbaSim.Grains.Runs.RunRegistryOptions> runs,
        string? scenario, string? path, string? seed, string? scale, string? threads, string? shards, string? granularity, string? checkpointEvery, CancellationToken cancellationToken)
    {
        var maxShards = runs.Value.MaxShards;
        var seedValue = QueryNumber.UInt64("seed", seed);
        var scaleValue = QueryNumber.Double("scale", scale, 0, FirmGenerator.MaxScale);
        var threadsValue = QueryNumber.Int("threads", threads, 0, maxShards);
        var shardsValue = QueryNumber.Int("shards", shards, 1, maxShards);
        var checkpointValue = QueryNumber.Int("checkpointEvery", checkpointEvery, 0, 10_000);
        if ((seedValue.Problem ?? scaleValue.Problem ?? threadsValue.Problem ?? shardsValue.Problem ?? checkpointValue.Problem) is { } bad)
        {
            return bad;
        }
        string? text = null;
        if (scenario is null)
        {
            var (body, problem) = await ScenarioBody.ReadAsync(request, options.Value.MaxScenarioBytes, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            text = body;
        }
        var run = new RunRequest(text, path, scenario, seedValue.Value, scaleValue.Value, threadsValue.Value, shardsValue.Value, granularity, CheckpointEvery: checkpointValue.Value);
        return await Problems.Answer(() => grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Submit(run), r => TypedResults.Accepted($"/api/runs/{r.Id}", r));
    }

    private static async Task<IResult> List(string? limit, IGrainFactory grains)
    {
        var count = QueryNumber.Int("limit", limit, 1, GbaSim.Grains.Runs.RunResultsGrain.MaxListed);
        return count.Problem ?? await Problems.Answer(() => Results(grains).List(count.Value ?? 200), runs => TypedResults.Ok(runs));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await Results(grains).Get(id) is { } run ? TypedResults.Ok(run) : Problems.NotFound($"There is no run '{id}'.");

    private static async Task<IResult> Events(string id, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await Results(grains).Get(id) is null)
        {
            return Problems.NotFound($"There is no run '{id}'.");
        }
        return TypedResults.ServerSentEvents(Stream(grains.GetGrain<IRunGrain>(id), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(IRunGrain run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in run.Watch(cancellationToken).WithCancellation(cancellationToken))
        {
            if (item.Month is { } month)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(month, ApiJsonContext.Default.MonthEvent), "month");
            }
            if (item.Final is { } final)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(final, ApiJsonContext.Default.RunInfo), "status");
            }
        }
    }
}
