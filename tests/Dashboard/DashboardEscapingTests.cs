using GbaSim.Tests.Silo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>
/// The dashboard shows what others named as text: a scenario name with an HTML tag, ESC, NUL and
/// a right-to-left override appears with those characters escaped, and its tag never becomes an element.
/// </summary>
public sealed class DashboardEscapingTests(FaultySiloFixture fixture) : IClassFixture<FaultySiloFixture>
{
    [Fact]
    public async Task Scenario_name_with_html_and_control_characters_is_shown_as_escaped_text()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var dashboard = await DashboardPage.OpenAsync(browser, fixture.Silo.Address, "#/runs");
        var page = dashboard.Page;
        var row = page.Locator($"tr[data-run-id='{fixture.FailedRunId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "failed");
        var text = await row.InnerTextAsync();
        Assert.Contains(FaultySiloFixture.ShownName, text);
        Assert.DoesNotContain('\u202e', text);
        Assert.DoesNotContain('\u001b', text);
        var picker = await page.Locator($"#run-picker option[value='{fixture.FailedRunId}']").InnerTextAsync();
        Assert.Contains(FaultySiloFixture.ShownName, picker);

        await page.GotoAsync($"/#/live/{fixture.FailedRunId}");
        await Expect(page.Locator("#view")).ToContainTextAsync("city/Macao");
        Assert.Equal(0, await page.Locator("#view img, header img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        dashboard.AssertNoConsoleErrors();
    }
}
