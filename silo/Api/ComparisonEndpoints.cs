using System.Text;
using System.Text.Json;
using GbaSim.Silo.Experiments;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>Comparisons made by <c>gbasim compare</c>, kept for the dashboard's compare view, under <c>/api/comparisons</c>.</summary>
public static class ComparisonEndpoints
{
    public static void MapComparisonEndpoints(this IEndpointRouteBuilder app)
    {
        var comparisons = app.MapGroup("/api/comparisons").WithTags("Comparisons");
        comparisons.MapPost("", Save).WithSummary("Keep a comparison's summary (the JSON that gbasim compare --json prints).");
        comparisons.MapGet("", (ComparisonArchive archive) => TypedResults.Ok(archive.List().Select(c => new { id = c.Id, baseline = c.Baseline, replications = c.Replications, variants = c.Variants, saved = c.Saved }).ToArray()))
            .WithSummary("The comparisons kept, newest first.");
        comparisons.MapGet("/{id}", (string id, ComparisonArchive archive) => archive.Get(id) is { } json
            ? TypedResults.Text(json, "application/json")
            : (IResult)Problems.NotFound($"There is no comparison '{id}'.")).WithSummary("One comparison's summary.");
    }

    private static async Task<IResult> Save(HttpRequest request, ComparisonArchive archive, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        if (request.ContentType?.Split(';')[0].Trim() is not "application/json")
        {
            return Problems.UnsupportedMediaType(request.ContentType);
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (json.Length > options.Value.MaxScenarioBytes)
        {
            return Problems.TooLarge(options.Value.MaxScenarioBytes);
        }
        try
        {
            var id = archive.Save(json);
            return TypedResults.Created($"/api/comparisons/{id}", new { id });
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Problems.BadArgument($"The body is not a comparison summary: {ex.Message}");
        }
    }
}
