using System.Text.RegularExpressions;
using GbaSim.Engine.Figures;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>The dashboard's figures in the catalogue's words, order, units and definitions.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Live_summary_shows_headline_figures_in_catalogue_order_with_units_and_definitions()
    {
        await using var dashboard = await fixture.OpenAsync($"#/live/{fixture.CompletedRunId}");
        var page = dashboard.Page;
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("completed");
        var commercialized = FigureCatalogue.Summary("technologiesCommercialized");
        var row = page.Locator("#live-summary tr[data-figure='technologiesCommercialized']");
        await Expect(row).ToContainTextAsync(commercialized.Label);
        await Expect(row).ToContainTextAsync(commercialized.Unit);
        await Expect(row.Locator("span[title]")).ToHaveAttributeAsync("title", new Regex(Regex.Escape(commercialized.Definition)));
        var shown = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#live-summary tr[data-figure]')].map(r => r.getAttribute('data-figure'))");
        Assert.Equal(FigureCatalogue.Ordered(FigureKinds.Summary, shown), shown);
        Assert.Equal("technologiesStarted", shown[0]);
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }
}
