using GbaSim.Contracts.Experiments;
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
        comparisons.MapGet("/{id}", async (string id, IGrainFactory grains) => await Archive(grains).Get(id) is { } json
            ? TypedResults.Text(json, "application/json")
            : (IResult)Problems.NotFound($"There is no comparison '{id}'.")).WithSummary("One comparison's summary.");
    }

    private static IComparisonArchiveGrain Archive(IGrainFactory grains) => grains.GetGrain<IComparisonArchiveGrain>(0);

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
