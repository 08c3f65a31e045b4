using GbaSim.Tests.Silo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>The dashboard of a silo with an API key, in headless Chromium: it asks for the key before it shows anything.</summary>
public sealed class DashboardLoginTests(KeyedSiloFixture fixture) : IClassFixture<KeyedSiloFixture>
{
    [Fact]
    public async Task Dashboard_of_a_keyed_silo_asks_for_the_key_refuses_another_and_opens_with_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(fixture.Silo.Address, "#/runs").AbsoluteUri);
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        await page.FillAsync("#api-key", "guess-guess-guess-guess");
        await page.ClickAsync("#log-in");
        await Expect(page.Locator(".error")).ToContainTextAsync("not this silo's API key");

        await page.FillAsync("#api-key", KeyedSiloFixture.Key);
        await page.ClickAsync("#log-in");
        // The dashboard's first load on a fresh silo compiles its endpoints as it goes: slower than Playwright's 5 s default on a busy machine.
        await Expect(page.Locator("#views a.active")).ToHaveTextAsync("Runs", new() { Timeout = 30_000 });
        await Expect(page.Locator("#scenario-select option[value='gba-small.yaml']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Empty(errors);
    }
}
