using System.Security.Claims;
using GbaSim.Silo.Api;
using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Access;

/// <summary>
/// <c>/login</c> and <c>/logout</c> of a silo with an API key: the page asks for the key, and the
/// right key sets the login cookie that lets the browser use the dashboard, the API and the
/// Orleans Dashboard.
/// </summary>
public static class LoginEndpoints
{
    public static void MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccessDefaults.LoginPath, ([FromQuery(Name = AccessDefaults.ReturnUrlParameter)] string? returnUrl) =>
            LoginPage.Render(ApiKeyRequests.LocalReturnUrl(returnUrl), refused: false)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(AccessDefaults.LoginPath, LogIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(AccessDefaults.LogoutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(AccessDefaults.LoginScheme);
            return Results.Redirect(AccessDefaults.LoginPath);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> LogIn(HttpContext context, IOptions<SiloOptions> options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType(context.Request.ContentType, "a form (Content-Type application/x-www-form-urlencoded)");
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var returnUrl = ApiKeyRequests.LocalReturnUrl(form[AccessDefaults.ReturnUrlParameter]);
        if (!ApiKeys.Matches(form["key"], options.Value.ApiKey))
        {
            return LoginPage.Render(returnUrl, refused: true);
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard")], AccessDefaults.LoginScheme);
        await context.SignInAsync(AccessDefaults.LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }
}
