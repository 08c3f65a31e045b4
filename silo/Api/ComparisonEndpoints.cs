using GbaSim.Contracts.Experiments;
using System.Text.Json;
using GbaSim.Silo.Experiments;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>Comparisons made by <c>gbasim compare</c>, kept for the dashboard's compare view, under <c>/api/comparisons</c>.</summary>
public static class ComparisonEndpoints
{
    private static readonly string[] JsonTypes = ["application/json"];

    public static void MapComparisonEndpoints(this IEndpointRouteBuilder app)
    {
        var comparisons = app.MapGroup("/api/comparisons").WithTags("Comparisons");
        comparisons.MapPost("", Save).WithSummary("Keep a comparison's summary (the JSON that gbasim compare --json prints).");
        comparisons.MapGet("", (IGrainFactory grains) => Problems.Answer(() => Archive(grains).List(), list => TypedResults.Ok(list)))
            .WithSummary("The comparisons kept, newest first.");
        comparisons.MapPost("/jobs", StartJob).Accepts<ComparisonRequest>("application/json")
            .WithSummary("Run a comparison on the silo, as gbasim compare does: baseline, variants, replications, scale, fork month. Answers its job.");
        comparisons.MapGet("/jobs", (ComparisonJobs jobs) => TypedResults.Ok(jobs.List())).WithSummary("The comparisons this silo is running or ran since it started, newest first.");
        comparisons.MapGet("/jobs/{id}", (string id, ComparisonJobs jobs) => jobs.Get(id) is { } job
            ? TypedResults.Ok(job)
            : (IResult)Problems.NotFound($"There is no comparison job '{id}'.")).WithSummary("A comparison job's progress, and its comparison's id once complete.");
        comparisons.MapGet("/{id}", async (string id, IGrainFactory grains) => await Archive(grains).Get(id) is { } json
            ? TypedResults.Text(json, "application/json")
            : (IResult)Problems.NotFound($"There is no comparison '{id}'.")).WithSummary("One comparison's summary.");
    }

    private static IComparisonArchiveGrain Archive(IGrainFactory grains) => grains.GetGrain<IComparisonArchiveGrain>(0);

    private static async Task<IResult> StartJob(HttpRequest request, ComparisonJobs jobs, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(int.MaxValue, (options.Value.MaxScenarioBytes * 8L) + (64L * 1024));
        var (json, problem) = await RequestBody.ReadAsync(request, limit, JsonTypes, "JSON (Content-Type application/json)", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        ComparisonRequest? comparison;
        try
        {
            comparison = JsonSerializer.Deserialize(json!, ComparisonJsonContext.Default.ComparisonRequest);
        }
        catch (JsonException ex)
        {
            return Problems.BadArgument($"The body is not a comparison: {ex.Message}");
        }
        if (comparison?.Baseline is null || comparison.Variants is null)
        {
            return Problems.BadArgument("The body is not a comparison: it needs a baseline and variants.");
        }
        try
        {
            var job = jobs.Start(comparison);
            return TypedResults.Accepted($"/api/comparisons/jobs/{job.Id}", job);
        }
        catch (GbaSim.Contracts.RequestRejectedException rejection)
        {
            return Problems.Answer(rejection);
        }
    }

    private static async Task<IResult> Save(HttpRequest request, IGrainFactory grains, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        var (json, problem) = await RequestBody.ReadAsync(request, options.Value.MaxScenarioBytes, JsonTypes, "JSON (Content-Type application/json)", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await Problems.Answer(() => Archive(grains).Save(json!), id => TypedResults.Created($"/api/comparisons/{id}", new { id }));
    }
}
