using System.Text.Json;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>Keeping the runs list tidy: labels, what a run holds, and deleting a finished run (saying what that freed).</summary>
public static class HousekeepingEndpoints
{
    private static readonly string[] JsonTypes = ["application/json"];

    /// <summary>A label's longest length, so that the runs list stays readable.</summary>
    public const int MaxLabelLength = 80;

    public static void MapHousekeepingEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs");
        runs.MapGet("/labels", (IResultsStore store) => TypedResults.Ok(store.Labels())).WithSummary("Every labelled run's label, by run id.");
        runs.MapPut("/{id}/label", SetLabel).Accepts<RunLabel>("application/json").WithSummary("Label a run ({\"label\": \"...\"}; empty to take the label away).");
        runs.MapGet("/{id}/footprint", (string id, IResultsStore store) => store.Footprint(id) is { } footprint
            ? TypedResults.Ok(footprint)
            : (IResult)DashboardFilters.NoRun(id)).WithSummary("What a stored run holds: months, figure rows, transitions, flow rows and policy rows (what deleting it frees).");
        runs.MapDelete("/{id}", Delete).WithSummary("Delete a finished run from the results store (and release its grains if the silo keeps them); answers what it freed.");
    }

    private static async Task<IResult> SetLabel(string id, HttpRequest request, IResultsStore store, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        var (json, problem) = await RequestBody.ReadAsync(request, 4096, JsonTypes, "JSON (Content-Type application/json)", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        RunLabel? label;
        try
        {
            label = JsonSerializer.Deserialize(json!, TimelineJsonContext.Default.RunLabel);
        }
        catch (JsonException ex)
        {
            return Problems.BadArgument($"The body is not a label: {ex.Message}");
        }
        if (label?.Label is { Length: > MaxLabelLength })
        {
            return Problems.BadArgument($"A label may be at most {MaxLabelLength} characters; this one has {label.Label.Length}.");
        }
        if (store.GetRun(id) is null)
        {
            return DashboardFilters.NoRun(id);
        }
        store.SetLabel(id, label?.Label);
        return TypedResults.Ok(new RunLabel(string.IsNullOrWhiteSpace(label?.Label) ? null : label.Label.Trim()));
    }

    private static async Task<IResult> Delete(string id, IResultsStore store, IGrainFactory grains)
    {
        if (store.GetRun(id) is null)
        {
            return DashboardFilters.NoRun(id);
        }
        return await Problems.Answer(async () =>
        {
            var released = await grains.GetGrain<IRunRegistryGrain>(IRunRegistryGrain.Key).Forget(id);
            await grains.GetGrain<IRunControl>(id).Forget();
            return released;
        }, released =>
        {
            try
            {
                return store.DeleteRun(id) is { } freed
                    ? TypedResults.Ok(new DeletedRun(freed, released))
                    : DashboardFilters.NoRun(id);
            }
            catch (InvalidOperationException ex)
            {
                return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: "https://gbasim.dev/problems/conflict");
            }
        });
    }
}
