using GbaSim.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>The API's errors, all as RFC 7807 problem details that say what went wrong and where.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(detail: what, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: "https://gbasim.dev/problems/not-found");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType, string expected = "YAML (Content-Type application/yaml)") =>
        TypedResults.Problem(
            detail: $"This endpoint takes {expected}; this request's content type is '{contentType ?? "none"}'.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            type: "https://gbasim.dev/problems/unsupported-media-type");

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(
            detail: $"A body may be at most {limit:N0} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large",
            type: "https://gbasim.dev/problems/too-large");

    public static ProblemHttpResult TooSlow(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status408RequestTimeout, title: "Body too slow", type: "https://gbasim.dev/problems/too-slow");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "API key needed", type: "https://gbasim.dev/problems/unauthorized");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: "https://gbasim.dev/problems/forbidden");

    public static ProblemHttpResult BadArgument(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad argument", type: "https://gbasim.dev/problems/bad-argument");

    /// <summary>A request the grains refused, with the status code its kind stands for (and every scenario error, with its place).</summary>
    public static ProblemHttpResult From(RequestRejectedException rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var (status, title, type) = rejection.Kind switch
        {
            RejectionKind.InvalidScenario => (StatusCodes.Status400BadRequest, "The scenario is invalid", "invalid-scenario"),
            RejectionKind.NotFound => (StatusCodes.Status404NotFound, "Not found", "not-found"),
            RejectionKind.Conflict => (StatusCodes.Status409Conflict, "Conflict", "conflict"),
            RejectionKind.TooLarge => (StatusCodes.Status413PayloadTooLarge, "Too large", "too-large"),
            RejectionKind.Busy => (StatusCodes.Status429TooManyRequests, "Too many requests", "busy"),
            RejectionKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Unavailable", "unavailable"),
            RejectionKind.Unauthorized => (StatusCodes.Status401Unauthorized, "API key needed", "unauthorized"),
            _ => (StatusCodes.Status400BadRequest, "Bad argument", "bad-argument"),
        };
        var extensions = rejection.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = rejection.Errors } : null;
        return TypedResults.Problem(detail: rejection.Message, statusCode: status, title: title, type: $"https://gbasim.dev/problems/{type}", extensions: extensions);
    }

    /// <summary>Seconds a caller refused because the silo is busy is told to wait (<c>Retry-After</c>).</summary>
    public const int BusyRetryAfterSeconds = 30;

    /// <summary>A refusal as its answer: problem details, with <c>Retry-After</c> when the silo is busy.</summary>
    public static IResult Answer(RequestRejectedException rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Kind == RejectionKind.Busy ? new RetryAfterResult(From(rejection), BusyRetryAfterSeconds) : From(rejection);
    }

    /// <summary>Runs a grain call, answering its refusal as problem details.</summary>
    public static async Task<IResult> Answer<T>(Func<Task<T>> call, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(ok);
        try
        {
            return ok(await call());
        }
        catch (RequestRejectedException rejection)
        {
            return Answer(rejection);
        }
    }
}
