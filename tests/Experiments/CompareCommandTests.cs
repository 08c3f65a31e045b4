using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
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

        // Each city's figures per scenario, adding up to the region's where the figure is additive.
        var cities = summary.GetProperty("cities").EnumerateArray().ToArray();
        Assert.Equal(11 * CityHeadlines.Metrics.Count * 6, cities.Length);
        foreach (var scenario in summary.GetProperty("scenarios").EnumerateArray())
        {
            var label = scenario.GetProperty("label").GetString();
            foreach (var metric in CityHeadlines.Metrics)
            {
                var region = scenario.GetProperty("metrics").GetProperty(metric).GetProperty("mean").GetDouble();
                var sum = cities.Where(c => c.GetProperty("scenario").GetString() == label && c.GetProperty("metric").GetString() == metric)
                    .Sum(c => c.GetProperty("value").GetProperty("mean").GetDouble());
                Assert.True(Math.Abs(region - sum) <= 1e-9 * Math.Abs(region) + 1e-6, $"{label} {metric}: region {region}, cities {sum}");
            }
        }
        Assert.True(cities.Where(c => c.GetProperty("scenario").GetString() != "gba-small").All(c => c.GetProperty("difference").ValueKind == JsonValueKind.Object));
        // A cost per outcome for every variant and outcome, defined or said not to be.
        var costs = summary.GetProperty("costs").EnumerateArray().ToArray();
        Assert.Equal(5 * CostPerOutcome.Outcomes.Count, costs.Length);
        Assert.All(costs, c => Assert.True(c.GetProperty("defined").GetBoolean() || c.GetProperty("note").GetString()!.Contains("not defined", StringComparison.Ordinal)));
        Assert.Equal(1 + costs.Length, (await File.ReadAllLinesAsync(Path.Combine(output, "costs.csv"))).Length);
        Assert.Equal(1 + cities.Length, (await File.ReadAllLinesAsync(Path.Combine(output, "cities.csv"))).Length);

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
        Assert.Equal(costs.Length, await page.Locator("#costs tr.defined, #costs tr.undefined").CountAsync());
        Assert.Equal(6 * 11, await page.Locator("#cities table.cities tr:has(td)").CountAsync());
        // Bands over time are cut at zero on an axis from zero, labels never overlap, and the chains' labels are never cut.
        var drawn = await page.EvaluateAsync<JsonElement>("""
            () => {
              const options = id => [...document.querySelectorAll(`#${id} .chart`)].map(d => echarts.getInstanceByDom(d).getOption());
              const series = options('series');
              return {
                mins: series.map(o => o.yAxis[0].min),
                lows: series.flatMap(o => o.series.filter(s => s.name.endsWith(' low')).flatMap(s => s.data)).filter(v => v !== null && v !== undefined),
                hidden: series.every(o => o.xAxis[0].axisLabel.hideOverlap && o.yAxis[0].axisLabel.hideOverlap),
                labels: options('chains').map(o => o.series[0].label.overflow),
              };
            }
            """);
        Assert.All(drawn.GetProperty("mins").EnumerateArray(), m => Assert.Equal(0, m.GetDouble()));
        Assert.All(drawn.GetProperty("lows").EnumerateArray(), v => Assert.True(v.GetDouble() >= 0));
        Assert.True(drawn.GetProperty("hidden").GetBoolean());
        Assert.All(drawn.GetProperty("labels").EnumerateArray(), o => Assert.Equal("none", o.GetString()));

        // The embedded silo kept the comparison; a silo on the same data folder shows it in the dashboard's compare view.
        await using var silo = await SiloProcess.StartAsync(data.Path);
        // The report draws the chain's stages in the dashboard's words and colours.
        using (var http = silo.Http())
        {
            var stages = await http.GetFromJsonAsync<JsonElement>("api/chain/stages");
            var drawnStages = await page.EvaluateAsync<JsonElement>("() => ({ stages: report.stageStyles, stalledColor: report.stalledColor })");
            static string[] Styles(JsonElement list) => [.. list.EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}|{s.GetProperty("color").GetString()}|{s.GetProperty("stalled").GetString()}")];
            Assert.Equal(Styles(stages.GetProperty("stages")), Styles(drawnStages.GetProperty("stages")));
            Assert.Equal(stages.GetProperty("stalledColor").GetString(), drawnStages.GetProperty("stalledColor").GetString());
        }
        // Long after its grains are gone (twelve runs, and the embedded silo has stopped), the baseline's grains are still inspectable.
        using (var elsewhere = new TempData())
        {
            var inspect = await ClientProcess.RunAsync(elsewhere.Path, "inspect", rows.First(r => r[0] == "gba-small")[3], "city/Shenzhen", "--silo", silo.Gateway);
            Assert.True(inspect.ExitCode == 0, inspect.Errors);
            Assert.Contains("final state (completed)", inspect.Output, StringComparison.Ordinal);
        }
        var dashboard = await browser.NewPageAsync();
        dashboard.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        dashboard.PageError += (_, error) => errors.Add(error);
        await dashboard.GotoAsync(new Uri(silo.Address, "#/compare").AbsoluteUri);
        await dashboard.WaitForSelectorAsync("#compare-differences .chart");
        await dashboard.WaitForFunctionAsync("() => [...document.querySelectorAll('#compare-series .chart')].filter(d => echarts.getInstanceByDom(d)).length >= 4");
        var differenceCharts = await dashboard.EvaluateAsync<int>("() => [...document.querySelectorAll('#compare-differences .chart')].filter(d => echarts.getInstanceByDom(d)).length");
        Assert.Equal(2, differenceCharts);
        Assert.Contains("gba-small", await dashboard.InnerTextAsync("#view"));
        // The comparison city by city and its costs per outcome, in the catalogue's words.
        await Assertions.Expect(dashboard.Locator("#compare-costs tr[data-outcome]")).ToHaveCountAsync(costs.Length);
        await Assertions.Expect(dashboard.Locator("#compare-costs tr[data-outcome='technologiesCommercialized'] span[title]").First)
            .ToHaveAttributeAsync("title", $"{FigureCatalogue.Statistic("costPer.technologiesCommercialized").Label}: {FigureCatalogue.Statistic("costPer.technologiesCommercialized").Definition}");
        await Assertions.Expect(dashboard.Locator("#city-table tr[data-city]")).ToHaveCountAsync(11);
        await dashboard.SelectOptionAsync("#city-metric", "technologyTransactionValue");
        var chosen = await dashboard.InputValueAsync("#city-scenario");
        var shenzhen = cities.Single(c => c.GetProperty("city").GetString() == "Shenzhen" && c.GetProperty("metric").GetString() == "technologyTransactionValue"
            && c.GetProperty("scenario").GetString() == chosen);
        var shown = await dashboard.EvaluateAsync<double[]>("() => echarts.getInstanceByDom(document.getElementById('city-chart')).getOption().series[0].data[1]");
        Assert.Equal(shenzhen.GetProperty("difference").GetProperty("mean").GetDouble(), shown[3], 6);
        // Every chart of the compare view is titled by the catalogue: a heading, or the change in one, overall or in a city.
        using (var http = silo.Http())
        {
            var catalogue = (await http.GetFromJsonAsync<JsonElement>("api/figures")).EnumerateArray().ToArray();
            CatalogueCharts.AssertSpeak(await dashboard.EvaluateAsync<JsonElement>(CatalogueCharts.OfTheView), catalogue,
                "Change in ", $"{FigureCatalogue.Statistic("cityDifference").Label}: ", $"{FigureCatalogue.Statistic("cityMean").Label}: ");
        }
        if (Environment.GetEnvironmentVariable("GBASIM_SCREENSHOTS") == "1")
        {
            await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Scenarios.Repository.Root, "docs", "images", "dashboard-compare.png"), FullPage = true });
            foreach (var card in new[] { "cities", "costs" })
            {
                // Clipped from the whole page, so that the bar fixed at the top of the window does not cover the card's title.
                var box = await dashboard.EvaluateAsync<double[]>("id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; }", $"compare-{card}");
                await dashboard.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(Scenarios.Repository.Root, "docs", "images", $"dashboard-compare-{card}.png"),
                    FullPage = true,
                    Clip = new Clip { X = (float)box[0], Y = (float)box[1], Width = (float)box[2], Height = (float)box[3] },
                });
            }
        }
        Assert.Empty(errors);
    }
}
