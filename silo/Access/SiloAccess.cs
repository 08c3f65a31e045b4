using System.Net;
using System.Net.Sockets;
using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;

namespace GbaSim.Silo.Access;

/// <summary>
/// Who may call the silo over HTTP, with ASP.NET Core's own pieces: host filtering against an
/// allow-list of <c>Host</c> names (always), and, when the silo has an API key, authentication by
/// the key in a header or by the dashboard's login cookie, required of every request by a
/// fallback authorization policy (<c>/login</c>, <c>/health</c> and <c>/ready</c> excepted).
/// </summary>
public static class SiloAccess
{
    /// <summary>How long a dashboard login lasts without use.</summary>
    public static readonly TimeSpan LoginLifetime = TimeSpan.FromHours(12);

    public static IServiceCollection AddGbaSimAccess(this IServiceCollection services, SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = AllowedHosts(silo));
        if (!HasKey(silo))
        {
            return services;
        }
        services.AddAuthentication(AccessDefaults.Scheme)
            .AddPolicyScheme(AccessDefaults.Scheme, "API key or login cookie", policy =>
                policy.ForwardDefaultSelector = context => ApiKeyRequests.Presented(context.Request) is null ? AccessDefaults.LoginScheme : AccessDefaults.ApiKeyScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(AccessDefaults.ApiKeyScheme, key => key.Key = silo.ApiKey)
            .AddCookie(AccessDefaults.LoginScheme, cookie =>
            {
                cookie.Cookie.Name = AccessDefaults.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = LoginLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = AccessDefaults.LoginPath;
                cookie.LogoutPath = AccessDefaults.LogoutPath;
                cookie.ReturnUrlParameter = AccessDefaults.ReturnUrlParameter;
                cookie.Events = new CookieAuthenticationEvents
                {
                    // A browser opening a page goes to the login page; everything else is told 401.
                    OnRedirectToLogin = context =>
                    {
                        if (ApiKeyRequests.IsPageNavigation(context.Request))
                        {
                            context.Response.Redirect(context.RedirectUri);
                            return Task.CompletedTask;
                        }
                        return Unauthorized.WriteAsync(context.HttpContext, null);
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AccessDefaults.Scheme).RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Refuses cross-site changes and, with a key, authenticates and authorizes every request; call before the static files and endpoints.</summary>
    public static WebApplication UseGbaSimAccess(this WebApplication app, SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(silo);
        app.UseCrossSiteRefusal();
        if (HasKey(silo))
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapLoginEndpoints();
        }
        return app;
    }

    public static bool HasKey(SiloOptions silo) => !string.IsNullOrEmpty(silo?.ApiKey);

    /// <summary>The loopback names, the address the silo is bound to and the one its gateway advertises (when not loopback), and <see cref="SiloOptions.AllowedHosts"/>.</summary>
    public static string[] AllowedHosts(SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (IPAddress.TryParse(silo.Host, out var bound) && !IPAddress.IsLoopback(bound))
        {
            // An address is no name a rebinding DNS server can give; the one the silo is bound to or advertises is how it is reached.
            foreach (var address in new[] { bound, SingleSiloClustering.AdvertisedAddress(silo) }.Where(a => !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any)))
            {
                hosts.Add(address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString());
            }
        }
        hosts.AddRange(silo.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()));
        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
