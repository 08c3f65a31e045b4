using System.Text.Json;
using GbaSim.Tests.Dashboard;
using GbaSim.Tests.Scenarios;
using GbaSim.Tests.Silo;
using Microsoft.Playwright;

namespace GbaSim.Tests.Experiments;

/// <summary><c>gbasim compare</c> end to end on its embedded silo, and its HTML report in a real browser.</summary>
public sealed class CompareCommandTests
{
    [Fact]
    public async Task Compare_writes_paired_replications_a_summary_and_a_report_that_renders_without_errors()
    {
        using var data = new TempData();
        var output = Path.Combine(data.Path, "out");
        var compare = await ClientProcess.RunAsync(data.Path, "compare", "scenarios/gba-small.yaml", "scenarios/small/pilot-platforms.yaml", "scenarios/sweeps/pilot-capacity.yaml",
            "-r", "2", "--scale", "0.01", "--metrics", "technologiesCommercialized,conversion.transformation,policySpending", "--out", output, "--json");
        Assert.True(compare.ExitCode == 0, compare.Errors);

        var summary = JsonDocument.Parse(compare.Output).RootElement;
        var variants = summary.GetProperty("comparisons").EnumerateArray().Select(c => c.GetProperty("variant").GetString()!).Distinct().ToArray();
        Assert.Equal(["small-pilot-platforms", "pilot-capacity[extraSlots=0]", "pilot-capacity[extraSlots=10]", "pilot-capacity[extraSlots=20]", "pilot-capacity[extraSlots=40]"], variants);

        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, "replications.csv"))).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(2 * 6, rows.Length);
        // Common random numbers: within a replication every scenario ran with the same seed.
        Assert.All(rows.GroupBy(r => r[1]), replication => Assert.Single(replication.Select(r => r[2]).Distinct()));
        Assert.True(File.Exists(Path.Combine(output, "summary.csv")));

        var errors = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);
        var charts = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.chart')].filter(d => echarts.getInstanceByDom(d)).length");
        Assert.Empty(errors);
        // Two outcomes' differences (policy spending is an input, not charted as a finding), four figures over time, three sweep responses, six chains.
        Assert.True(charts >= 2 + 4 + 3 + 6, $"{charts} charts rendered");
        var sweepShown = await page.EvaluateAsync<bool>("() => document.getElementById('sweep-section').style.display !== 'none'");
        Assert.True(sweepShown);

        // The embedded silo kept the comparison; a silo on the same data folder shows it in the dashboard's compare view.
        await using var silo = await SiloProcess.StartAsync(data.Path);
        var dashboard = await browser.NewPageAsync();
        dashboard.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        dashboard.PageError += (_, error) => errors.Add(error);
        await dashboard.GotoAsync(new Uri(silo.Address, "#/compare").AbsoluteUri);
        await dashboard.WaitForSelectorAsync("#compare-differences .chart");
        await dashboard.WaitForFunctionAsync("() => [...document.querySelectorAll('#compare-series .chart')].filter(d => echarts.getInstanceByDom(d)).length >= 4");
        var differenceCharts = await dashboard.EvaluateAsync<int>("() => [...document.querySelectorAll('#compare-differences .chart')].filter(d => echarts.getInstanceByDom(d)).length");
        Assert.Equal(2, differenceCharts);
        Assert.Contains("gba-small", await dashboard.InnerTextAsync("#view"));
        if (Environment.GetEnvironmentVariable("GBASIM_SCREENSHOTS") == "1")
        {
            await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Scenarios.Repository.Root, "docs", "images", "dashboard-compare.png"), FullPage = true });
        }
        Assert.Empty(errors);
    }
}
