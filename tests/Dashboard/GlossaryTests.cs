using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>The glossary and the live view's charts take their words from the figure catalogue (GET /api/figures).</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Glossary_lists_the_catalogue_and_live_charts_are_titled_by_it()
    {
        using var http = fixture.Silo.Http();
        var figures = (await http.GetFromJsonAsync<JsonElement>("api/figures")).EnumerateArray().ToArray();
        var hte = figures.Single(f => f.GetProperty("name").GetString() == "highTechEnterprises" && f.GetProperty("kind").GetString() == "monthly");

        await using var dashboard = await fixture.OpenAsync("#/glossary");
        var page = dashboard.Page;
        var row = page.Locator("#glossary tr[data-figure='highTechEnterprises'][data-kind='monthly']");
        await Expect(row).ToContainTextAsync(hte.GetProperty("label").GetString()!);
        await Expect(row).ToContainTextAsync(hte.GetProperty("definition").GetString()!);
        await Expect(row).ToContainTextAsync(hte.GetProperty("unit").GetString()!);
        await Expect(page.Locator("#glossary tr[data-figure]")).ToHaveCountAsync(figures.Length);
        await page.FillAsync("#glossary-find", "conversion.financing");
        await Expect(page.Locator("#glossary tr[data-figure]")).ToHaveCountAsync(figures.Count(f => f.GetProperty("name").GetString()!.Contains("conversion.financing", StringComparison.Ordinal)
            || f.GetProperty("label").GetString()!.Contains("conversion.financing", StringComparison.OrdinalIgnoreCase)
            || f.GetProperty("definition").GetString()!.Contains("conversion.financing", StringComparison.OrdinalIgnoreCase)));
        await page.FillAsync("#glossary-find", "");
        await dashboard.ScreenshotAsync("glossary");

        await page.GotoAsync($"/#/live/{fixture.CompletedRunId}");
        await page.WaitForFunctionAsync("() => { try { return echarts.getInstanceByDom(document.getElementById('headline-chart'))?.getOption().series?.[0]?.data.length === 36; } catch { return false; } }");
        var titles = await page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.getElementById('headline-chart')).getOption().title.map(t => t.text)");
        Assert.Equal($"{hte.GetProperty("label").GetString()} ({hte.GetProperty("unit").GetString()})", titles[0]);
        // Axes from zero, with the first year marked as warm-up.
        var axes = await page.EvaluateAsync<JsonElement>("() => { const o = echarts.getInstanceByDom(document.getElementById('headline-chart')).getOption(); return { mins: o.yAxis.map(a => a.min), warm: o.series[0].markArea.data[0].map(p => p.xAxis) }; }");
        Assert.All(axes.GetProperty("mins").EnumerateArray(), m => Assert.Equal(0, m.GetDouble()));
        Assert.Equal(["2025-01", "2025-12"], axes.GetProperty("warm").EnumerateArray().Select(m => m.GetString()));
        dashboard.AssertNoConsoleErrors();
    }
}
