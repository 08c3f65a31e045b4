using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>The scenario library and validation under <c>/api/scenarios</c>.</summary>
public static class ScenarioEndpoints
{
    public static void MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/api/scenarios").WithTags("Scenarios");
        scenarios.MapGet("", (ScenarioLibrary library) => TypedResults.Ok(library.List().ToArray())).WithSummary("The scenario files of the silo's library.");
        scenarios.MapPost("/validate", Validate).WithSummary("Validate a scenario (YAML body) without running it.");
    }

    private static async Task<Results<Ok<ValidationInfo>, ProblemHttpResult>> Validate(HttpRequest request, ScenarioLibrary library, IOptions<SiloOptions> options, string? path, CancellationToken cancellationToken)
    {
        var (text, problem) = await ScenarioBody.ReadAsync(request, options.Value.MaxScenarioBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        try
        {
            var scenario = library.Parse(text!, path);
            return TypedResults.Ok(new ValidationInfo(true, scenario.Name, scenario.HorizonMonths, scenario.Scale, scenario.Policies.Count));
        }
        catch (ScenarioValidationException ex)
        {
            return Problems.Invalid(ex, library);
        }
    }
}
