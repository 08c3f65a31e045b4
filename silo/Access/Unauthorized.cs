using GbaSim.Silo.Api;

namespace GbaSim.Silo.Access;

/// <summary>The answer to a request without the silo's key: 401 problem details that say how to present it.</summary>
public static class Unauthorized
{
    public const string HowToPresent = "This silo needs its API key: send it in the X-Api-Key header or as Authorization: Bearer KEY, or log in to the dashboard at /login.";

    public static Task WriteAsync(HttpContext context, string? reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"gbasim\"";
        return Problems.Unauthorized(reason is null ? HowToPresent : $"{reason} {HowToPresent}").ExecuteAsync(context);
    }
}
