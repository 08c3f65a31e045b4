using System.Text.Encodings.Web;

namespace GbaSim.Silo.Access;

/// <summary>The small page that asks a browser for the silo's API key (no script, no other files, so it needs no key to load).</summary>
public static class LoginPage
{
    public static IResult Render(string returnUrl, bool refused)
    {
        var html = HtmlEncoder.Default;
        var message = refused
            ? """<p class="error" role="alert">That is not this silo's API key.</p>"""
            : "";
        var page = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>GbaSim silo: API key</title>
              <link rel="icon" href="data:,">
              <style>
                body { font: 15px/1.5 system-ui, sans-serif; color: #1f2430; background: #f5f6f8; display: grid; place-items: center; min-height: 90vh; margin: 0; }
                form { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 24px 28px; width: min(420px, 90vw); }
                h1 { font-size: 19px; margin: 0 0 8px; }
                input { width: 100%; box-sizing: border-box; padding: 8px; margin: 8px 0 14px; font: inherit; }
                button { padding: 7px 18px; font: inherit; }
                .error { color: #b42318; }
              </style>
            </head>
            <body>
              <form method="post" action="login">
                <h1>GbaSim silo</h1>
                <p>This silo needs its API key (the one it was started with: <code>Silo:ApiKey</code>).</p>
                {{message}}
                <label for="api-key">API key</label>
                <input id="api-key" name="key" type="password" autocomplete="current-password" required autofocus>
                <input type="hidden" name="{{AccessDefaults.ReturnUrlParameter}}" value="{{html.Encode(returnUrl)}}">
                <button id="log-in" type="submit">Open the dashboard</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: refused ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
