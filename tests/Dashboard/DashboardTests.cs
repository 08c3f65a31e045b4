using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GbaSim.Tests.Silo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against the real silo: the runs list and starting a run,
/// the live view as months arrive, the chain's Sankey and the cities' flows, a technology's
/// waterfall, and the grain inspector; no view may log an error.
/// </summary>
public sealed partial class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Runs_view_at_the_root_url_lists_runs_with_their_status_from_the_silo_alone()
    {
        await using var dashboard = await fixture.OpenAsync();
        var page = dashboard.Page;
        var row = page.Locator($"tr[data-run-id='{fixture.CompletedRunId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row).ToContainTextAsync("gba-small");
        await Expect(row).ToContainTextAsync("36 / 36");
        await Expect(page.Locator("#views a.active")).ToHaveTextAsync("Runs");
        await Expect(page.Locator("#scenario-select option[value='gba-small.yaml']")).ToHaveCountAsync(1);

        await dashboard.ScreenshotAsync("runs");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Starting_gba_small_from_the_page_opens_a_live_view_that_updates_as_months_arrive()
    {
        await using var dashboard = await fixture.OpenAsync("#/runs");
        var page = dashboard.Page;
        await Expect(page.Locator("#scenario-select option[value='gba-small.yaml']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#scenario-select", "gba-small.yaml");
        // The whole firm population rather than gba-small's 5% sample, so that months come slowly enough to watch.
        await page.FillAsync("#scale-input", "1");
        await page.ClickAsync("#start-run");
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/live/') || document.querySelector('.form-message .error')");
        await Expect(page.Locator(".form-message .error")).ToHaveCountAsync(0);
        var runId = Uri.UnescapeDataString(LiveUrl().Match(page.Url).Groups[1].Value);

        await page.WaitForFunctionAsync("() => document.getElementById('live-progress')?.value >= 1", null, new PageWaitForFunctionOptions { PollingInterval = 50 });
        var first = await ProgressAsync(page);
        var firstMonths = (await dashboard.SeriesAsync("headline-chart"))[0].GetProperty("data").GetArrayLength();
        Assert.True(first.Value < first.Max, $"The run had finished ({first.Value} of {first.Max} months) before the live view could watch it.");
        Assert.Equal("running", first.Status);

        await page.WaitForFunctionAsync("done => document.getElementById('live-progress').value > done", first.Value, new PageWaitForFunctionOptions { PollingInterval = 50 });
        var second = await ProgressAsync(page);
        Assert.True(second.Value > first.Value, $"Progress went from {first.Value} to {second.Value}.");
        await page.WaitForFunctionAsync(
            "months => { try { return echarts.getInstanceByDom(document.getElementById('headline-chart')).getOption().series[0].data.length > months; } catch { return false; } }",
            firstMonths, new PageWaitForFunctionOptions { PollingInterval = 100 });

        await Expect(page.Locator("#live-status")).ToHaveTextAsync("completed", new LocatorAssertionsToHaveTextOptions { Timeout = 300_000 });
        await page.WaitForFunctionAsync("() => { try { return echarts.getInstanceByDom(document.getElementById('headline-chart')).getOption().series.every(s => s.data.length === 36); } catch { return false; } }");
        await dashboard.WaitForSeriesAsync("chain-chart", "sankey", withLinks: true);
        await dashboard.WaitForSeriesAsync("flows-chart", "chord", withLinks: true);
        await Expect(page.Locator("#live-month")).ToContainTextAsync("month 36 of 36");

        await dashboard.ScreenshotAsync("live");
        await page.GotoAsync("/#/runs");
        await Expect(page.Locator($"tr[data-run-id='{runId}']")).ToHaveAttributeAsync("data-status", "completed");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Chain_sankey_flow_chord_shares_and_policy_spending_render_with_data()
    {
        await using var dashboard = await fixture.OpenAsync($"#/live/{fixture.CompletedRunId}");
        var page = dashboard.Page;
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("completed");

        var sankey = await dashboard.WaitForSeriesAsync("chain-chart", "sankey", withLinks: true);
        var stages = sankey.GetProperty("data").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToArray();
        Assert.Contains("Basic research", stages);
        Assert.Contains("Market", stages);
        Assert.Contains(stages, s => s!.StartsWith("Stalled at", StringComparison.Ordinal));
        Assert.All(sankey.GetProperty("links").EnumerateArray(), l => Assert.True(l.GetProperty("value").GetDouble() > 0));

        var talent = await dashboard.WaitForSeriesAsync("flows-chart", "chord", withLinks: true);
        Assert.Equal(11, talent.GetProperty("data").GetArrayLength());
        await page.SelectOptionAsync("#flow-kind", "capital");
        var capital = (await dashboard.SeriesAsync("flows-chart")).Single();
        Assert.NotEmpty(capital.GetProperty("links").EnumerateArray());
        Assert.NotEqual(Total(talent), Total(capital));

        var shares = (await dashboard.SeriesAsync("border-chart")).Single().GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal(Enum.GetValues<GbaSim.Model.Ecosystem.FlowKind>().Length, shares.Length);
        Assert.All(shares, s => Assert.InRange(s.GetDouble(), 0, 100));
        var spending = (await dashboard.SeriesAsync("policy-chart")).Single();
        Assert.Equal(36, spending.GetProperty("data").GetArrayLength());
        Assert.All((await dashboard.SeriesAsync("headline-chart")), s => Assert.Equal(36, s.GetProperty("data").GetArrayLength()));
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Trace_explorer_finds_traces_that_reached_the_market_and_opens_a_waterfall()
    {
        var runId = fixture.CompletedRunId;
        await using var dashboard = await fixture.OpenAsync($"#/traces/{runId}");
        var page = dashboard.Page;
        await page.SelectOptionAsync("#trace-stage", "market");
        await page.ClickAsync("#trace-find");
        var rows = page.Locator("#trace-results tbody tr[data-technology]");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(page.Locator("#trace-results tbody tr td:nth-child(4)").Filter(new LocatorFilterOptions { HasNotText = "Market" })).ToHaveCountAsync(0);

        var technology = await rows.First.GetAttributeAsync("data-technology");
        var name = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.Matches("^[a-z0-9-]+-[0-9]+$", name);
        Assert.Matches(@"^\d{4}-\d{2}( – \d{4}-\d{2})?$", await rows.First.Locator("td").Nth(5).InnerTextAsync());
        await rows.First.ClickAsync();
        await Expect(page.Locator("#journey-title")).ToContainTextAsync($"Technology {name}");
        var waterfall = (await dashboard.SeriesAsync("journey-chart"))[1].GetProperty("data").GetArrayLength();
        Assert.True(waterfall >= 2, $"The waterfall has {waterfall} steps.");
        await Expect(page.Locator("#journey-steps tbody tr")).ToHaveCountAsync(waterfall);
        await Expect(page.Locator("#journey-steps tbody tr").First).ToContainTextAsync("Discovered (basic research)");
        await Expect(page.Locator("#journey-steps tbody tr").Last).ToContainTextAsync("Financing → Market");
        Assert.StartsWith($"#/inspector/{runId}/", await page.Locator("#journey-steps tbody tr a").First.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.EndsWith($"/{technology}", page.Url, StringComparison.Ordinal);

        await dashboard.ScreenshotAsync("traces");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Grain_inspector_shows_a_city_its_ledger_and_recent_messages()
    {
        await using var dashboard = await fixture.OpenAsync($"#/inspector/{fixture.CompletedRunId}/city/Shenzhen");
        var page = dashboard.Page;
        await Expect(page.Locator("#grain-title")).ToContainTextAsync("city/Shenzhen");
        await Expect(page.Locator("#grain-state tr[data-section='state'][data-field='city'] td").Nth(1)).ToHaveTextAsync("Shenzhen");
        await Expect(page.Locator("#grain-state tr[data-section='state'][data-field='talentPool']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#grain-state tr[data-section='month'][data-field='highTechEnterprises']")).ToHaveCountAsync(1);
        var ledger = await dashboard.WaitForSeriesAsync("ledger-chart", "bar");
        Assert.Contains(ledger.GetProperty("data").EnumerateArray(), v => v.GetDouble() > 0);
        using (var http = fixture.Silo.Http())
        {
            CatalogueCharts.AssertSpeak(await page.EvaluateAsync<JsonElement>(CatalogueCharts.OfTheView), [.. (await http.GetFromJsonAsync<JsonElement>("api/figures")).EnumerateArray()]);
        }
        await Expect(page.Locator("#city-transitions tbody tr").First).ToContainTextAsync("20");
        await dashboard.ScreenshotAsync("inspector");

        await page.SelectOptionAsync("#grain-type", "ledger");
        await page.FillAsync("#grain-key", "Hong Kong");
        await page.ClickAsync("#grain-inspect");
        await Expect(page.Locator("#grain-title")).ToContainTextAsync("ledger/Hong Kong");
        await Expect(page.Locator("#grain-state h3").First).ToHaveTextAsync("reached");
        dashboard.AssertNoConsoleErrors();
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Dashboard_api_agrees_with_the_run_summary_and_refuses_bad_arguments()
    {
        var runId = fixture.CompletedRunId;
        using var http = fixture.Silo.Http();
        var run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
        var summary = run.GetProperty("summary");
        var scale = run.GetProperty("scale").GetDouble();

        var chain = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/chain");
        var stages = chain.GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal(["basic-research", "breakthrough", "proof-of-concept", "transformation", "financing", "market"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(summary.GetProperty("technologiesCommercialized").GetDouble(), stages[5].GetProperty("reached").GetInt64() / scale, 6);
        Assert.Equal(summary.GetProperty("technologiesStarted").GetDouble(), stages[0].GetProperty("reached").GetInt64() / scale, 6);

        foreach (var kind in new[] { "talent", "capital", "technology" })
        {
            var flows = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/flows?kind={kind}");
            Assert.NotEmpty(flows.GetProperty("flows").EnumerateArray());
            Assert.Equal(summary.GetProperty($"crossBorderShare.{kind}").GetDouble(), flows.GetProperty("crossBorderShare").GetDouble(), 9);
        }

        var policies = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/policies");
        var spent = policies.GetProperty("policies").EnumerateArray().Sum(p => p.GetProperty("spent").EnumerateArray().Sum(v => v.GetDouble()));
        Assert.Equal(summary.GetProperty("policySpending").GetDouble(), spent, 0);

        var found = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/technologies?city=Hong%20Kong&sector=bio&stage=breakthrough&limit=5");
        Assert.InRange(found.GetProperty("technologies").GetArrayLength(), 1, 5);
        var technology = found.GetProperty("technologies")[0];
        Assert.Equal("bio", technology.GetProperty("sector").GetString());
        Assert.Equal("breakthrough", technology.GetProperty("furthestStage").GetString());
        var journey = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/technologies/{technology.GetProperty("id").GetInt64()}");
        var steps = journey.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(technology.GetProperty("transitions").GetInt32(), steps.Length);
        Assert.Contains(steps, s => s.GetProperty("city").GetString() == "Hong Kong" || journey.GetProperty("technology").GetProperty("originCity").GetString() == "Hong Kong");
        Assert.All(steps, s => Assert.Matches("^(institution/[a-z0-9-]+|firm/[a-z]{2}-bio-[0-9]+)$", s.GetProperty("holder").GetString()!));
        var holder = steps[^1].GetProperty("holder").GetString()!;
        using (var grain = await http.GetAsync($"api/runs/{runId}/grains/{holder}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, grain.StatusCode);
        }

        var trace = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/trace");
        var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
        // The runtime trace: the run's span, one span per superstep (36 months and the closing step) and their partition turns.
        Assert.Equal(32, trace.GetProperty("traceId").GetString()!.Length);
        var runSpan = Assert.Single(spans, s => s.GetProperty("name").GetString()!.StartsWith("run ", StringComparison.Ordinal));
        var steps36 = spans.Where(s => s.GetProperty("name").GetString() == "step").ToArray();
        Assert.Equal(37, steps36.Length);
        Assert.All(steps36, s => Assert.Equal(runSpan.GetProperty("spanId").GetString(), s.GetProperty("parentId").GetString()));

        var activity = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/cities/Shenzhen/activity");
        Assert.Equal(25, activity.GetProperty("transitions").GetArrayLength());
        Assert.All(activity.GetProperty("transitions").EnumerateArray(), t => Assert.Equal("Shenzhen", t.GetProperty("city").GetString()));

        foreach (var (path, status) in new[]
        {
            ($"api/runs/{runId}/flows?kind=water", 400),
            ($"api/runs/{runId}/technologies?stage=moon", 400),
            ($"api/runs/{runId}/technologies?sector=steel", 400),
            ($"api/runs/{runId}/technologies?limit=0", 400),
            ($"api/runs/{runId}/technologies/12345", 404),
            ($"api/runs/{runId}/cities/Atlantis/activity", 404),
            ("api/runs/no-such-run/chain", 404),
            ("api/runs/no-such-run/trace", 404),
        })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.False(string.IsNullOrEmpty((await ApiHelpers.ProblemAsync(response)).GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Orleans_dashboard_is_served_at_slash_orleans_and_linked_from_the_gbasim_dashboard()
    {
        await using var dashboard = await fixture.OpenAsync("#/runs");
        var page = dashboard.Page;
        var link = page.Locator("#orleans-dashboard");
        await Expect(link).ToHaveAttributeAsync("href", "orleans/");
        await link.ClickAsync();
        await page.WaitForURLAsync(new Uri(fixture.Silo.Address, "orleans/").AbsoluteUri);
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        // The dashboard fills itself from the silo's management grain: this silo, and GbaSim's grains among the activations.
        await Expect(page.Locator("#content")).ToContainTextAsync("Silo", new() { Timeout = 20_000 });
        await Expect(page.Locator("#content")).Not.ToContainTextAsync("Loading...", new() { Timeout = 20_000 });
        await dashboard.ScreenshotAsync("orleans");
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    private static async Task<(double Value, double Max, string Status)> ProgressAsync(IPage page)
    {
        var progress = await page.EvaluateAsync<JsonElement>("""
            () => {
              const bar = document.getElementById('live-progress');
              return { value: bar.value, max: bar.max, status: document.getElementById('live-status').textContent };
            }
            """);
        return (progress.GetProperty("value").GetDouble(), progress.GetProperty("max").GetDouble(), progress.GetProperty("status").GetString()!);
    }

    private static double Total(JsonElement chord) => chord.GetProperty("links").EnumerateArray().Sum(l => l.GetProperty("value").GetDouble());

    [GeneratedRegex("#/live/([^/]+)$")]
    private static partial Regex LiveUrl();
}
