using System.Diagnostics;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// Names each API request's span (ASP.NET Core's own, which joins the caller's trace through the
/// W3C <c>traceparent</c> header) after its route, as in <c>GET /api/runs/{id}</c>, and adds the
/// HTTP attributes that the instrumentation packages would add.
/// </summary>
public static class RequestSpans
{
    public static IApplicationBuilder UseRequestSpans(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var activity = Activity.Current;
            try
            {
                await next(context);
            }
            finally
            {
                if (activity is { IsAllDataRequested: true } && activity.Source.Name == "Microsoft.AspNetCore")
                {
                    Describe(activity, context);
                }
            }
        });
    }

    private static void Describe(Activity activity, HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? Route(raw) : null;
        var method = context.Request.Method;
        activity.DisplayName = route is null ? method : $"{method} {route}";
        SetIfAbsent(activity, "http.request.method", method);
        SetIfAbsent(activity, "url.path", context.Request.Path.Value);
        SetIfAbsent(activity, "url.scheme", context.Request.Scheme);
        if (route is not null)
        {
            SetIfAbsent(activity, "http.route", route);
        }
        SetIfAbsent(activity, "http.response.status_code", context.Response.StatusCode);
        if (context.Response.StatusCode >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>A group's root route reads "/api/runs/"; it is shown as "/api/runs".</summary>
    private static string Route(string raw) => raw.Length > 1 ? raw.TrimEnd('/') : raw;

    private static void SetIfAbsent(Activity activity, string name, object? value)
    {
        if (activity.GetTagItem(name) is null)
        {
            activity.SetTag(name, value);
        }
    }
}
