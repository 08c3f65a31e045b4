using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>
/// A planner's experiment from the dashboard alone: edit a scenario with live validation, compare
/// two variants with the baseline, watch the comparison, open its report, and step through the
/// chain month by month on the Sankey and the map. A silo of its own: its comparisons add runs
/// enough to push the other tests' run out of the grains the silo keeps.
/// </summary>
public sealed class PlannerJourneyTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Planner_edits_a_scenario_compares_two_variants_opens_the_report_and_steps_through_the_chain()
    {
        using var http = fixture.Silo.Http();
        var original = await http.GetStringAsync("api/scenarios/file/small/pilot-platforms.yaml");
        await using var dashboard = await fixture.OpenAsync("#/runs");
        var page = dashboard.Page;

        // Edit: start from a library variant, read as a new file beside it.
        await page.ClickAsync("#views a[data-view='experiment']");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("Valid.");
        await page.SelectOptionAsync("#editor-file", "small/pilot-platforms.yaml");
        await Expect(page.Locator("#scenario-editor .cm-content")).ToContainTextAsync("small-pilot-platforms");
        await page.FillAsync("#editor-path", "small/more-pilots.yaml");
        var content = page.Locator("#scenario-editor .cm-content");

        // Completion from the schema, then a mistake the silo finds as it is typed, marked at its line and column.
        await content.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("\nhori");
        await Expect(page.Locator(".cm-tooltip-autocomplete")).ToContainTextAsync("horizon");
        // CodeMirror ignores Enter in a completion's first 75 ms, so that fast typing is not taken as a choice.
        await page.WaitForTimeoutAsync(300);
        await page.Keyboard.PressAsync("Enter");
        await Expect(content).ToContainTextAsync("horizon: ");
        await page.Keyboard.TypeAsync("banana");
        var lines = original.Split('\n').Length + 1;
        await Expect(page.Locator("#editor-status")).ToContainTextAsync($"small/more-pilots.yaml:{lines}:10: 'horizon' must be a whole number");
        await Expect(page.Locator("#scenario-editor .cm-lintRange-error")).ToHaveCountAsync(1);
        await Expect(page.Locator("#editor-run")).ToBeDisabledAsync();
        await dashboard.ScreenshotAsync("editor");

        // The fix: a variant of its own, with twice the extra pilot slots.
        var edited = original.Replace("name: small-pilot-platforms", "name: small-more-pilots", StringComparison.Ordinal)
            .Replace("extraSlots: 20", "extraSlots: 40", StringComparison.Ordinal);
        await content.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(edited);
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("Valid.");
        await Expect(page.Locator("#scenario-editor .cm-lintRange-error")).ToHaveCountAsync(0);

        // Compare both variants with gba-small, two replications each.
        await page.SelectOptionAsync("#compare-baseline", "gba-small.yaml");
        await page.CheckAsync("#compare-variants input[value='(the edited scenario)']");
        await page.CheckAsync("#compare-variants input[value='small/pilot-platforms.yaml']");
        await page.FillAsync("#compare-replications", "2");
        await page.ClickAsync("#compare-start");

        // Watch it: the months done rise until it completes.
        var bar = page.Locator("#compare-progress progress");
        await Expect(bar).ToHaveAttributeAsync("max", (3 * 2 * 36).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#compare-progress progress')?.value) > 0", null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 300_000 });
        await Expect(page.Locator("#compare-progress [data-status]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 300_000 });

        // Open its report: both variants against the baseline.
        await page.ClickAsync("#compare-report");
        await Expect(page.Locator("#views a.active")).ToHaveTextAsync("Compare");
        await Expect(page.Locator("#compare-verdicts")).ToBeVisibleAsync();
        await Expect(page.Locator("#view")).ToContainTextAsync("small-more-pilots");
        await Expect(page.Locator("#view")).ToContainTextAsync("small-pilot-platforms");
        var comparisonId = Uri.UnescapeDataString(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var comparison = await http.GetFromJsonAsync<JsonElement>($"api/comparisons/{Uri.EscapeDataString(comparisonId)}");
        Assert.Equal(2, comparison.GetProperty("replications").GetInt32());

        // The runs list folds the comparison's six runs under one row.
        await page.ClickAsync("#views a[data-view='runs']");
        var group = page.Locator("tr[data-comparison-job]").First;
        await Expect(group).ToContainTextAsync("comparison · 6 runs");
        await group.Locator("button.fold").ClickAsync();
        await Expect(page.Locator("#runs-list tr.member")).ToHaveCountAsync(6);

        // Step through the chain of the edited variant's run, month by month, on the Sankey and the map.
        // One of the comparison's own runs: the silo is shared with other tests, which may run and forget the saved file too.
        var members = await page.Locator("#runs-list tr.member").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runId)");
        var runs = await http.GetFromJsonAsync<JsonElement>("api/runs");
        var run = runs.EnumerateArray().First(r => r.GetProperty("scenario").GetString() == "small-more-pilots" && members.Contains(r.GetProperty("id").GetString())).GetProperty("id").GetString()!;
        await page.SelectOptionAsync("#run-picker", run);
        await page.ClickAsync("#views a[data-view='chain']");
        // The chain's months are read from the store for the whole run: on a busy machine that takes longer than Playwright's default 5 s.
        await Expect(page.Locator("#month-shown")).ToContainTextAsync("2027-12 (month 36 of 36)", new() { Timeout = 60_000 });
        await dashboard.WaitForSeriesAsync("flow-map", "graph");
        await page.Locator("#month-slider").FillAsync("0");
        var seen = new List<double>();
        for (var month = 1; month <= 4; month++)
        {
            await Expect(page.Locator("#month-shown")).ToContainTextAsync($"(month {month} of 36)");
            var sankey = await dashboard.SeriesAsync("chain-time-sankey");
            seen.Add(sankey.Length == 1 && sankey[0].GetProperty("data").GetArrayLength() > 0 ? DashboardTests.NodeValue(sankey[0], "Basic research") : 0);
            var map = (await dashboard.SeriesAsync("flow-map")).Single();
            Assert.Equal(11, map.GetProperty("data").GetArrayLength());
            await page.ClickAsync("#month-next");
        }
        Assert.True(seen.SequenceEqual(seen.Order()) && seen[^1] > seen[0], $"The chain should grow month by month: {string.Join(", ", seen)}.");
        // The silo answers an invalid scenario's validation with 400, which the browser notes on its console.
        dashboard.AssertNoConsoleErrors("status of 400 (Bad Request) (http://127.0.0.1:" + fixture.Silo.Address.Port + "/api/scenarios/validate");
        dashboard.AssertOnlyRequestsTo(fixture.Silo.Address);
    }

    [Fact]
    public async Task Comparison_jobs_refuse_bad_requests_with_problem_details_that_say_where()
    {
        using var http = fixture.Silo.Http();
        foreach (var (body, status, says) in new[]
        {
            ("""{"baseline":{"path":"gba-small.yaml"},"variants":[],"replications":2}""", 400, "at least one variant"),
            ("""{"baseline":{"path":"gba-small.yaml"},"variants":[{"path":"small/pilot-platforms.yaml"}],"replications":1}""", 400, "replications must be from 2 to 100"),
            ("""{"baseline":{"path":"gba-small.yaml"},"variants":[{"path":"small/pilot-platforms.yaml"}],"replications":2,"forkAt":"soon"}""", 400, "forkAt must be a month"),
            ("""{"baseline":{"path":"gba-small.yaml"},"variants":[{"path":"no/such.yaml"}],"replications":2}""", 404, "no readable file 'no/such.yaml'"),
            ("""{"baseline":{"path":"gba-small.yaml"},"variants":[{"path":"small/x.yaml","text":"extends: ../gba-small.yaml\nname: x\nhorizon: soon\n"}],"replications":2}""", 400, "small/x.yaml:3:10: 'horizon' must be a whole number"),
            ("""not json""", 400, "not a comparison"),
        })
        {
            using var response = await http.PostAsync("api/comparisons/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(status, (int)response.StatusCode);
            var problem = await GbaSim.Tests.Silo.ApiHelpers.ProblemAsync(response);
            Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using var missing = await http.GetAsync("api/comparisons/jobs/no-such-job");
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task A_sweep_compared_on_the_silo_runs_every_point_and_keeps_its_comparison()
    {
        using var http = fixture.Silo.Http();
        using var started = await http.PostAsync("api/comparisons/jobs", new StringContent(
            """{"baseline":{"path":"gba-small.yaml"},"variants":[{"path":"sweeps/pilot-capacity.yaml"}],"replications":2}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(202, (int)started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        // The baseline and the sweep's four points, twice each, 36 months apiece.
        Assert.Equal(10 * 36, job.GetProperty("monthsTotal").GetInt32());
        var id = job.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (job.GetProperty("status").GetString() == "running" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            job = await http.GetFromJsonAsync<JsonElement>($"api/comparisons/jobs/{id}");
        }
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(10, job.GetProperty("runIds").GetArrayLength());
        var comparison = await http.GetFromJsonAsync<JsonElement>($"api/comparisons/{job.GetProperty("comparisonId").GetString()}");
        var labels = comparison.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToArray();
        Assert.Equal(5, labels.Length);
        Assert.Equal(4, comparison.GetProperty("scenarios").EnumerateArray().Count(s => s.GetProperty("coordinates").EnumerateObject().Any()));
    }
}
