using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Tests.Silo;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>The chain over time: the month slider moves the Sankey, the stage counts and the map of flows together.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Chain_over_time_steps_the_sankey_and_the_map_month_by_month_and_filters_by_city()
    {
        var runId = fixture.CompletedRunId;
        using var http = fixture.Silo.Http();
        var all = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain/months");
        await using var dashboard = await fixture.OpenAsync($"#/chain/{runId}");
        var page = dashboard.Page;

        // It opens at the last month, where the Sankey is the whole run's chain.
        await Expect(page.Locator("#month-shown")).ToContainTextAsync("2027-12 (month 36 of 36)");
        var end = await dashboard.WaitForSeriesAsync("chain-time-sankey", "sankey", withLinks: true);
        Assert.Equal(ReachedUpTo(all, "basic-research", 35), NodeValue(end, "Basic research"));

        // One month at a time from the sixth month: the month, the Sankey and the map follow.
        await page.Locator("#month-slider").FillAsync("5");
        await Expect(page.Locator("#month-shown")).ToContainTextAsync("2025-06 (month 6 of 36)");
        await page.ClickAsync("#month-next");
        await Expect(page.Locator("#month-shown")).ToContainTextAsync("2025-07 (month 7 of 36)");
        var july = (await dashboard.SeriesAsync("chain-time-sankey")).Single();
        Assert.Equal(ReachedUpTo(all, "basic-research", 6), NodeValue(july, "Basic research"));
        Assert.True(NodeValue(july, "Basic research") < NodeValue(end, "Basic research"));
        var counts = (await dashboard.SeriesAsync("chain-time-counts"))[0].GetProperty("data").EnumerateArray().Select(Value).ToArray();
        Assert.Equal([.. new[] { "basic-research", "breakthrough", "proof-of-concept", "transformation", "financing", "market" }.Select(s => ReachedUpTo(all, s, 6))], counts);

        var map = (await dashboard.SeriesAsync("flow-map")).Single();
        Assert.Equal(11, map.GetProperty("data").GetArrayLength());
        var talent = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/flows/months?kind=talent");
        var julyTalent = talent.GetProperty("pairs").EnumerateArray().Sum(p => p.GetProperty("amounts")[6].GetDouble());
        Assert.Equal(julyTalent, Links(map), 6);
        await page.SelectOptionAsync("#map-span", "cumulative");
        var cumulated = talent.GetProperty("pairs").EnumerateArray().Sum(p => p.GetProperty("amounts").EnumerateArray().Take(7).Sum(a => a.GetDouble()));
        await page.WaitForFunctionAsync("total => { try { return echarts.getInstanceByDom(document.getElementById('flow-map')).getOption().series[0].links.reduce((a, l) => a + l.value, 0) === total; } catch { return false; } }", cumulated);

        // Narrowed to Shenzhen's transitions, the chain is Shenzhen's alone.
        await page.SelectOptionAsync("#chain-city", "Shenzhen");
        var shenzhen = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain/months?city=Shenzhen");
        await page.WaitForFunctionAsync(
            "value => { try { return echarts.getInstanceByDom(document.getElementById('chain-time-sankey')).getOption().series[0].data.find(n => n.name === 'Basic research')?.value === value || false; } catch { return false; } }",
            ReachedUpTo(shenzhen, "basic-research", 6));

        // Play runs on to the last month by itself.
        await page.SelectOptionAsync("#chain-city", "");
        await page.Locator("#month-slider").FillAsync("30");
        await page.ClickAsync("#month-play");
        await Expect(page.Locator("#month-shown")).ToContainTextAsync("2027-12 (month 36 of 36)", new() { Timeout = 20_000 });
        await Expect(page.Locator("#month-play")).ToHaveTextAsync("Play");

        await dashboard.ScreenshotAsync("chain");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Chain_and_flows_by_month_add_up_to_the_run_totals_and_the_map_has_every_city_placed()
    {
        var runId = fixture.CompletedRunId;
        using var http = fixture.Silo.Http();
        var chain = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain");
        var months = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain/months");
        Assert.Equal(36, months.GetProperty("months").GetArrayLength());
        Assert.Equal("2025-01", months.GetProperty("months")[0].GetString());
        foreach (var stage in chain.GetProperty("stages").EnumerateArray())
        {
            var name = stage.GetProperty("stage").GetString()!;
            var byMonth = months.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == name);
            Assert.Equal(stage.GetProperty("reached").GetInt64(), byMonth.GetProperty("reached").EnumerateArray().Sum(v => v.GetInt64()));
            Assert.Equal(stage.GetProperty("stalled").GetInt64(), byMonth.GetProperty("stalled").EnumerateArray().Sum(v => v.GetInt64()));
        }

        // Every city's and every sector's chains together make the region's.
        var byCity = 0L;
        foreach (var city in new[] { "Guangzhou", "Shenzhen", "Zhuhai", "Foshan", "Huizhou", "Dongguan", "Zhongshan", "Jiangmen", "Zhaoqing", "Hong Kong", "Macao" })
        {
            var part = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain/months?city={Uri.EscapeDataString(city)}");
            byCity += part.GetProperty("stages")[0].GetProperty("reached").EnumerateArray().Sum(v => v.GetInt64());
        }
        Assert.Equal(chain.GetProperty("stages")[0].GetProperty("reached").GetInt64(), byCity);
        var bio = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain/months?sector=bio");
        Assert.InRange(bio.GetProperty("stages")[0].GetProperty("reached").EnumerateArray().Sum(v => v.GetInt64()), 1, byCity - 1);

        foreach (var kind in new[] { "talent", "capital", "technology" })
        {
            var totals = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/flows?kind={kind}");
            var between = totals.GetProperty("flows").EnumerateArray().Where(f => f.GetProperty("from").GetString() != f.GetProperty("to").GetString()).Sum(f => f.GetProperty("amount").GetDouble());
            var monthly = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/flows/months?kind={kind}");
            Assert.Equal(totals.GetProperty("unit").GetString(), monthly.GetProperty("unit").GetString());
            Assert.All(monthly.GetProperty("pairs").EnumerateArray(), p => Assert.NotEqual(p.GetProperty("from").GetString(), p.GetProperty("to").GetString()));
            Assert.Equal(between, monthly.GetProperty("pairs").EnumerateArray().Sum(p => p.GetProperty("amounts").EnumerateArray().Sum(a => a.GetDouble())), 3);
        }

        var map = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/map");
        var cities = map.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("city").GetString()!, c => (Lon: c.GetProperty("lon").GetDouble(), Lat: c.GetProperty("lat").GetDouble()));
        Assert.Equal(11, cities.Count);
        Assert.All(cities.Values, c => { Assert.InRange(c.Lon, 112, 115); Assert.InRange(c.Lat, 21.5, 24); });
        Assert.True(cities["Hong Kong"].Lon > cities["Macao"].Lon && cities["Guangzhou"].Lat > cities["Hong Kong"].Lat, "Hong Kong lies east of Macao and south of Guangzhou.");

        var styles = await http.GetFromJsonAsync<JsonElement>("api/chain/stages");
        Assert.Equal(["Basic research", "Breakthrough", "Proof of concept", "Transformation", "Financing", "Market"], styles.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(6, styles.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("color").GetString()).Distinct().Count());

        foreach (var path in new[] { $"api/runs/{runId}/chain/months?city=Atlantis", $"api/runs/{runId}/chain/months?sector=steel", $"api/runs/{runId}/flows/months?kind=water" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Contains("there is no", (await ApiHelpers.ProblemAsync(response)).GetProperty("detail").GetString()!.Replace("kind must be one of", "there is no", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        foreach (var path in new[] { "api/runs/no-such-run/chain/months", "api/runs/no-such-run/flows/months", "api/runs/no-such-run/map" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(404, (int)response.StatusCode);
            Assert.Contains("no-such-run", (await ApiHelpers.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    private static double Value(JsonElement item) => item.ValueKind == JsonValueKind.Object ? item.GetProperty("value").GetDouble() : item.GetDouble();

    internal static double NodeValue(JsonElement sankey, string node) =>
        sankey.GetProperty("data").EnumerateArray().Single(n => n.GetProperty("name").GetString() == node).GetProperty("value").GetDouble();

    private static double Links(JsonElement series) => series.GetProperty("links").EnumerateArray().Sum(l => l.GetProperty("value").GetDouble());

    private static long ReachedUpTo(JsonElement months, string stage, int month) =>
        months.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == stage)
            .GetProperty("reached").EnumerateArray().Take(month + 1).Sum(v => v.GetInt64());
}
