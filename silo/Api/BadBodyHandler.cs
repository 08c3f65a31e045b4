using System.Globalization;
using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Api;

/// <summary>
/// Answers Kestrel's refusals of a request body as problem details with their own status codes
/// instead of 500: a body over the size limit (413) and a body that arrives slower than
/// <see cref="SiloOptions.MinBodyBytesPerSecond"/> (408). Registered as an <see cref="IExceptionHandler"/>.
/// </summary>
public sealed class BadBodyHandler(IOptions<SiloOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var silo = options.Value;
        var answer = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Problems.TooLarge(
                (int)Math.Min(int.MaxValue, httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? silo.MaxScenarioBytes)),
            StatusCodes.Status408RequestTimeout => Problems.TooSlow(string.Create(CultureInfo.InvariantCulture,
                $"The body arrived slower than {silo.MinBodyBytesPerSecond} bytes a second (after the first {silo.BodyGraceSeconds} seconds); send it in one go.")),
            _ => Problems.BadArgument(bad.Message),
        };
        await answer.ExecuteAsync(httpContext);
        return true;
    }
}
