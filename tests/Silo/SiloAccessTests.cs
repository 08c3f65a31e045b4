using System.Net;
using System.Net.Http.Headers;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>
/// Who may call the silo: bound beyond loopback it needs an API key; with one, every HTTP request
/// (API, dashboard, Orleans Dashboard) and every gateway client must present it.
/// </summary>
public sealed class SiloAccessTests(KeyedSiloFixture fixture) : IClassFixture<KeyedSiloFixture>
{
    [Fact]
    public async Task Silo_bound_beyond_loopback_without_a_key_refuses_to_start_with_one_clear_line_and_exit_code_2()
    {
        using var data = new TempData();
        var refused = await SiloProcess.RunToExitAsync(data.Path, "--host", "0.0.0.0");
        Assert.Equal(2, refused.ExitCode);
        var message = Assert.Single(refused.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("0.0.0.0", message);
        Assert.Contains("GBASIM_Silo__ApiKey", message);
        Assert.Contains("--api-key", message);
        Assert.DoesNotContain("listening on", refused.Output);

        var shortKey = await SiloProcess.RunToExitAsync(data.Path, "--host", "0.0.0.0", "--api-key", "short");
        Assert.Equal(2, shortKey.ExitCode);
        Assert.Contains("at least 16 characters", shortKey.Errors);
    }

    [Fact]
    public async Task Keyed_silo_answers_401_problem_details_without_the_key_and_200_with_it_in_a_header()
    {
        using var anonymous = fixture.Silo.Http();
        foreach (var path in new[] { "api/runs", "api/scenarios", "openapi/v1.json", "orleans/", "index.html", "js/main.js" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {refused.StatusCode} without the key");
            Assert.Contains("X-Api-Key", (await ProblemAsync(refused)).GetProperty("detail").GetString());
        }
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "api/runs"))
        {
            wrong.Headers.Add("X-Api-Key", "not-the-key-of-this-silo");
            using var answer = await anonymous.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Contains("not this silo's", (await ProblemAsync(answer)).GetProperty("detail").GetString());
        }
        using (var posted = await anonymous.PostAsync("api/runs?scenario=gba-small.yaml", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        }
        // Probes say only whether the silo is up.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("health")).StatusCode);

        using var keyed = fixture.HttpWithKey();
        foreach (var path in new[] { "api/runs", "openapi/v1.json", "orleans/", "index.html" })
        {
            using var served = await keyed.GetAsync(path);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{path} answered {served.StatusCode} with the key");
        }
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/runs");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSiloFixture.Key);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public async Task Browser_without_the_key_is_sent_to_the_login_page_whose_cookie_then_admits_it()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Silo.Address };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var page = await browser.GetAsync("orleans/");
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);
        using var login = await browser.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var form = await login.Content.ReadAsStringAsync();
        Assert.Contains("type=\"password\"", form);
        Assert.Contains("value=\"/orleans/\"", form);

        using var refused = await browser.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "guess-guess-guess-guess", ["ReturnUrl"] = "/orleans/" }));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("not this silo's API key", await refused.Content.ReadAsStringAsync());
        Assert.Empty(cookies.GetCookies(fixture.Silo.Address));

        // A return address on another host is not followed.
        using var admitted = await browser.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = KeyedSiloFixture.Key, ["ReturnUrl"] = "//evil.example/" }));
        Assert.Equal(HttpStatusCode.Found, admitted.StatusCode);
        Assert.Equal("/", admitted.Headers.Location!.OriginalString);
        var cookie = Assert.Single(cookies.GetCookies(fixture.Silo.Address));
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("orleans/")).StatusCode);
    }

    [Fact]
    public async Task Client_is_refused_by_the_gateway_without_GBASIM_API_KEY_or_with_another_key_and_served_with_it()
    {
        using var data = new TempData();
        var silo = fixture.Silo.Gateway;
        var without = await ClientProcess.RunAsync(data.Path, "runs", "--silo", silo);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("GBASIM_API_KEY", without.Errors);
        Assert.DoesNotContain("   at ", without.Errors);

        var wrong = await ClientProcess.RunAsync(data.Path, new Dictionary<string, string> { ["GBASIM_API_KEY"] = "not-the-key-of-this-silo" }, "status", "any-run", "--silo", silo);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("not this silo's", wrong.Errors);

        // At the address the gateway advertises (this machine's network address when it has one), as a client elsewhere would.
        var advertised = fixture.Silo.PrintedGateway;
        Assert.DoesNotContain("0.0.0.0", advertised);
        var served = await ClientProcess.RunAsync(data.Path, new Dictionary<string, string> { ["GBASIM_API_KEY"] = KeyedSiloFixture.Key }, "runs", "--silo", advertised, "--json");
        Assert.True(served.ExitCode == 0, $"at {advertised}: {served.Errors}");
        Assert.StartsWith("[", served.Output.Trim(), StringComparison.Ordinal);
    }
}
