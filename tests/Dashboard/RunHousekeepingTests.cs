using System.Net.Http.Json;
using System.Text.Json;
using GbaSim.Tests.Silo;
using static Microsoft.Playwright.Assertions;

namespace GbaSim.Tests.Dashboard;

/// <summary>Runs housekeeping in the runs list: labels, filters, deleting a finished run with what it frees, and grains links only where grains are kept.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Runs_list_labels_filters_and_deletes_a_run_saying_what_it_frees()
    {
        using var http = fixture.Silo.Http();
        using (var submitted = await http.PostAsync("api/runs", ApiHelpers.Yaml("extends: gba-small.yaml\nname: short-lived\nhorizon: 3\n")))
        {
            submitted.EnsureSuccessStatusCode();
        }
        var runs = await http.GetFromJsonAsync<JsonElement>("api/runs");
        var runId = runs.EnumerateArray().First(r => r.GetProperty("scenario").GetString() == "short-lived").GetProperty("id").GetString()!;
        await ApiHelpers.WaitAsync(http, runId, ApiHelpers.Finished);
        var footprint = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}/footprint");
        Assert.Equal(3, footprint.GetProperty("months").GetInt64());
        Assert.True(footprint.GetProperty("transitions").GetInt64() > 0);

        await using var dashboard = await fixture.OpenAsync("#/runs");
        var page = dashboard.Page;
        var row = page.Locator($"tr[data-run-id='{runId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");

        // A label, then a filter that finds the run by it.
        page.Dialog += async (_, dialog) =>
        {
            if (dialog.Type == "prompt")
            {
                await dialog.AcceptAsync("scratch run");
            }
            else
            {
                Assert.Contains("3 months", dialog.Message, StringComparison.Ordinal);
                Assert.Contains("chain transitions", dialog.Message, StringComparison.Ordinal);
                await dialog.AcceptAsync();
            }
        };
        await row.Locator("button.label-run").ClickAsync();
        await Expect(row.Locator(".label")).ToHaveTextAsync("scratch run");
        Assert.Equal("scratch run", (await http.GetFromJsonAsync<JsonElement>("api/runs/labels")).GetProperty(runId).GetString());
        await page.FillAsync("#runs-search", "scratch");
        await Expect(page.Locator("#runs-list tr[data-run-id]")).ToHaveCountAsync(1);
        await page.FillAsync("#runs-search", "");
        await page.SelectOptionAsync("#runs-status", "active");
        await Expect(row).ToHaveCountAsync(0);
        await page.SelectOptionAsync("#runs-status", "");

        // A grains link only for the runs whose grains the silo keeps (the newest finished run among them, once the registry has it).
        HashSet<string?> inspectable = [];
        for (var tries = 0; tries < 100 && !inspectable.Contains(runId); tries++)
        {
            await Task.Delay(tries == 0 ? 0 : 100);
            inspectable = [.. (await http.GetFromJsonAsync<JsonElement>("api/runs/inspectable")).GetProperty("runIds").EnumerateArray().Select(r => r.GetString())];
        }
        Assert.Contains(runId, inspectable);
        await page.ReloadAsync();
        await Expect(row.Locator(".label")).ToHaveTextAsync("scratch run");
        foreach (var run in (await http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetString()!))
        {
            await Expect(page.Locator($"tr[data-run-id='{run}'] a.grains-link")).ToHaveCountAsync(inspectable.Contains(run) ? 1 : 0);
        }

        await dashboard.ScreenshotAsync("runs-housekeeping");
        await row.Locator("button.delete-run").ClickAsync();
        await Expect(page.Locator("#runs-deleted")).ToContainTextAsync($"Deleted {runId}: freed 3 months, {footprint.GetProperty("transitions").GetInt64():N0} chain transitions");
        await Expect(row).ToHaveCountAsync(0);
        using (var gone = await http.GetAsync($"api/runs/{runId}"))
        {
            Assert.Equal(404, (int)gone.StatusCode);
        }
        using (var again = await http.DeleteAsync($"api/runs/{runId}"))
        {
            Assert.Equal(404, (int)again.StatusCode);
            Assert.Contains(runId, (await ApiHelpers.ProblemAsync(again)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        dashboard.AssertNoConsoleErrors();
    }
}
