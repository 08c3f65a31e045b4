using GbaSim.Contracts.Scenarios;
using GbaSim.Grains.Scenarios;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>The scenario library and validation under <c>/api/scenarios</c>, over the scenario library grain.</summary>
public static class ScenarioEndpoints
{
    public static void MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/api/scenarios").WithTags("Scenarios");
        scenarios.MapGet("", (IGrainFactory grains) => Problems.Answer(() => Library(grains).List(), list => TypedResults.Ok(list)))
            .WithSummary("The scenario files of the silo's library.");
        scenarios.MapPost("/validate", Validate).WithSummary("Validate a scenario (YAML body) without running it.");
        scenarios.MapGet("/file/{*path}", (string path, ScenarioLibrary library) => library.Text(path) is { } text
            ? TypedResults.Text(text, "application/yaml")
            : (IResult)Problems.NotFound($"The scenario library has no readable file '{path}'."))
            .WithSummary("The YAML of a file in the silo's scenario library, e.g. variants/pilot-platforms.yaml (for the dashboard's editor).");
    }

    private static IScenarioLibraryGrain Library(IGrainFactory grains) => grains.GetGrain<IScenarioLibraryGrain>(0);

    private static async Task<IResult> Validate(HttpRequest request, IGrainFactory grains, IOptions<SiloOptions> options, string? path, CancellationToken cancellationToken)
    {
        var (text, problem) = await ScenarioBody.ReadAsync(request, options.Value.MaxScenarioBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        return await Problems.Answer(() => Library(grains).Validate(text!, path), info => TypedResults.Ok(info));
    }
}
