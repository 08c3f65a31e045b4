namespace GbaSim.Silo.Access;

/// <summary>The names under which the silo's access control works.</summary>
public static class AccessDefaults
{
    /// <summary>The scheme that picks <see cref="ApiKeyScheme"/> or <see cref="LoginScheme"/> for each request.</summary>
    public const string Scheme = "GbaSim";

    /// <summary>The key in a request header: <see cref="HeaderName"/> or <c>Authorization: Bearer</c>.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The dashboard's login cookie, set by <c>POST /login</c> once the key was given.</summary>
    public const string LoginScheme = "Login";

    public const string HeaderName = "X-Api-Key";

    public const string CookieName = "gbasim-login";

    public const string LoginPath = "/login";

    public const string LogoutPath = "/logout";

    public const string ReturnUrlParameter = "ReturnUrl";
}
