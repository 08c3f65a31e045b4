using System.Globalization;

namespace GbaSim.Silo.Api;

/// <summary>An answer with a <c>Retry-After</c> header: how many seconds the caller should wait before asking again.</summary>
public sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
