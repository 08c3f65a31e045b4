using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>The trace explorer pages through every trace found, with the total, and the runtime view draws a run's steps by shard.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Trace_explorer_pages_through_all_traces_found_and_says_how_many()
    {
        var runId = fixture.CompletedRunId;
        using var http = fixture.Silo.Http();
        var first = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/technologies?limit=50");
        var second = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/technologies?limit=50&offset=50");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 100, $"The run has {total} traces; paging needs more than two pages.");
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        var ids = first.GetProperty("technologies").EnumerateArray().Concat(second.GetProperty("technologies").EnumerateArray()).Select(t => t.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(100, ids.Distinct().Count());

        await using var dashboard = await fixture.OpenAsync($"#/traces/{runId}");
        var page = dashboard.Page;
        await Expect(page.Locator("#trace-count")).ToHaveTextAsync($"1–50 of {total:N0} traces.");
        await Expect(page.Locator("#trace-previous")).ToBeDisabledAsync();
        await page.ClickAsync("#trace-next");
        await Expect(page.Locator("#trace-count")).ToHaveTextAsync($"51–100 of {total:N0} traces.");
        Assert.Equal(second.GetProperty("technologies")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#trace-results tbody tr[data-technology]").First.GetAttributeAsync("data-technology"));
        await page.ClickAsync("#trace-previous");
        await Expect(page.Locator("#trace-count")).ToHaveTextAsync($"1–50 of {total:N0} traces.");
        dashboard.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Runtime_view_draws_each_step_across_the_shards_on_an_axis_as_long_as_the_spans()
    {
        var runId = fixture.CompletedRunId;
        await using var dashboard = await fixture.OpenAsync($"#/runtime/{runId}");
        var page = dashboard.Page;
        await Expect(page.Locator("#runtime-trace-note")).ToContainTextAsync("37 steps over 8 shards");
        var lanes = await page.EvaluateAsync<JsonElement>("""
            () => {
              const option = echarts.getInstanceByDom(document.getElementById('runtime-trace-chart')).getOption();
              const rows = option.series[0].data;
              return { names: option.yAxis[0].data, max: option.xAxis[0].max, last: Math.max(...rows.map(r => r[2])), rows: rows.length };
            }
            """);
        Assert.Equal(["steps", "shard 0", "shard 1", "shard 2", "shard 3", "shard 4", "shard 5", "shard 6", "shard 7"], lanes.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        // 37 steps, each on the steps lane and on all 8 shards' lanes.
        Assert.Equal(37 * 9, lanes.GetProperty("rows").GetInt32());
        // The axis ends where the last span does, not at the run's wall-clock end.
        Assert.Equal(Math.Ceiling(lanes.GetProperty("last").GetDouble()), lanes.GetProperty("max").GetDouble());

        var frame = page.FrameLocator("#orleans-frame");
        await Expect(frame.Locator("#content")).ToContainTextAsync("Silo", new() { Timeout = 20_000 });
        await dashboard.ScreenshotAsync("runtime");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }
}
