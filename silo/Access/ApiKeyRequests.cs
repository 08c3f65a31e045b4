namespace GbaSim.Silo.Access;

/// <summary>Where a request carries an API key, and whether it is a browser opening a page (which is sent to the login page rather than answered 401).</summary>
public static class ApiKeyRequests
{
    /// <summary>The key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; null when the request names none.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(AccessDefaults.HeaderName, out var header) && header.Count > 0)
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }

    /// <summary>A GET for a page (not the API) from a browser, which asks for HTML.</summary>
    public static bool IsPageNavigation(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method)
            && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A return address that stays on this silo (a path, never another host), else the root.</summary>
    public static string LocalReturnUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";
}
