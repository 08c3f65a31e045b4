using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Access;

/// <summary>The silo's API key, as <see cref="ApiKeyAuthenticationHandler"/> checks it.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The key requests must carry (<c>Silo:ApiKey</c>).</summary>
    public string Key { get; set; } = "";
}

/// <summary>
/// Authenticates a request that carries the silo's API key in <c>X-Api-Key</c> or
/// <c>Authorization: Bearer</c>; a request with another key fails, and is answered 401 problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyRequests.Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!ApiKeys.Matches(presented, Options.Key))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key presented is not this silo's."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Unauthorized.WriteAsync(Context, ApiKeyRequests.Presented(Request) is null
            ? null
            : "The API key presented is not this silo's.");
}
