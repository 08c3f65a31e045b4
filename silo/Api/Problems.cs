using GbaSim.Engine.Scenarios;
using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>The API's errors, all as RFC 7807 problem details that say what went wrong and where.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(detail: what, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: "https://gbasim.dev/problems/not-found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: "https://gbasim.dev/problems/conflict");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            detail: $"Scenarios are sent as YAML (Content-Type application/yaml); this request's content type is '{contentType ?? "none"}'.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            type: "https://gbasim.dev/problems/unsupported-media-type");

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(
            detail: $"A scenario may be at most {limit:N0} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Scenario too large",
            type: "https://gbasim.dev/problems/too-large");

    public static ProblemHttpResult BadArgument(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad argument", type: "https://gbasim.dev/problems/bad-argument");

    /// <summary>An invalid scenario: every error with file (relative to the library where possible), line, column and hint.</summary>
    public static ProblemHttpResult Invalid(ScenarioValidationException error, ScenarioLibrary library)
    {
        var errors = error.Errors.Select(e => new ScenarioErrorInfo(Display(e.Location.File, library), e.Location.Line, e.Location.Column, e.Message, e.Hint)).ToArray();
        var first = errors.FirstOrDefault();
        return TypedResults.Problem(
            detail: first is null ? "The scenario is invalid." : $"{first.File}:{first.Line}:{first.Column}: {first.Message}" + (errors.Length > 1 ? $" (and {errors.Length - 1} more)" : ""),
            statusCode: StatusCodes.Status400BadRequest,
            title: "The scenario is invalid",
            type: "https://gbasim.dev/problems/invalid-scenario",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static string Display(string file, ScenarioLibrary library)
    {
        if (string.IsNullOrEmpty(file) || !Path.IsPathRooted(file))
        {
            return file;
        }
        var relative = library.Relative(file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFileName(file) : relative;
    }
}
