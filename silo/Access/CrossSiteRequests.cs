using GbaSim.Silo.Api;

namespace GbaSim.Silo.Access;

/// <summary>
/// Refuses (403) a request that changes something (any method but GET, HEAD and OPTIONS) when a
/// browser says it comes from a page of another origin (<c>Sec-Fetch-Site</c>, <c>Origin</c>):
/// a page elsewhere cannot start or cancel runs on a silo the browser can reach, with or without
/// a key. Requests without those headers (scripts, the CLI's tools) are not affected.
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseCrossSiteRefusal(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || !FromAnotherOrigin(request))
            {
                return next(context);
            }
            return Problems.Forbidden("This silo takes requests that change something only from its own pages, not from pages of another site.").ExecuteAsync(context);
        });
    }

    private static bool FromAnotherOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
