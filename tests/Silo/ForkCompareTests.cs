using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GbaSim.Tests.Silo;

/// <summary>
/// <c>gbasim compare --fork-at</c> against the real silo: the variants branch from the baseline's
/// state at the fork month, and every result equals that of the same comparison run from the start.
/// </summary>
public sealed class ForkCompareTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private const string Variant = "scenarios/small/pilot-platforms.yaml";

    private string Silo => fixture.Silo.Gateway;

    /// <summary>Runs <c>gbasim compare</c>; returns its outcome and the runs it made, by (scenario, seed).</summary>
    private async Task<(ClientProcess.Outcome Outcome, Dictionary<(string Scenario, string Seed), JsonElement> Runs)> CompareAsync(HttpClient http, string dataFolder, params string[] more)
    {
        var before = (await http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        var outcome = await ClientProcess.RunAsync(dataFolder, ["compare", "scenarios/gba-small.yaml", Variant, "-r", "2", "--silo", Silo, "--json", .. more]);
        Assert.True(outcome.ExitCode == 0, outcome.Errors);
        var runs = (await http.GetFromJsonAsync<JsonElement>("api/runs")).EnumerateArray()
            .Where(r => !before.Contains(r.GetProperty("id").GetString()))
            .ToDictionary(r => (r.GetProperty("scenario").GetString()!, r.GetProperty("seed").GetString()!));
        return (outcome, runs);
    }

    [Fact]
    public async Task Forked_comparison_gives_the_results_of_the_comparison_run_from_the_start()
    {
        using var data = new TempData();
        using var http = fixture.Silo.Http();
        var (plain, plainRuns) = await CompareAsync(http, data.Path);
        var (forked, forkedRuns) = await CompareAsync(http, data.Path, "--fork-at", "2026-01");

        Assert.Contains("forked at 2026-01", forked.Errors, StringComparison.Ordinal);
        Assert.Contains("share the baseline's history up to 2026-01", forked.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Forked at", plain.Errors, StringComparison.Ordinal);
        // The same statistics, series and verdicts...
        Assert.Equal(plain.Output, forked.Output);
        Assert.Equal(2, JsonDocument.Parse(forked.Output).RootElement.GetProperty("replications").GetInt32());

        // ...because every replication of every scenario has the same summary and result hash.
        Assert.Equal(4, forkedRuns.Count);
        Assert.Equal(plainRuns.Keys.Order(), forkedRuns.Keys.Order());
        foreach (var (key, plainRun) in plainRuns)
        {
            var forkedRun = forkedRuns[key];
            Assert.Equal("completed", forkedRun.GetProperty("status").GetString());
            Assert.Equal(36, forkedRun.GetProperty("monthsDone").GetInt32());
            Assert.Equal(plainRun.GetProperty("resultHash").GetString(), forkedRun.GetProperty("resultHash").GetString());
            Assert.Equal(plainRun.GetProperty("summary").GetRawText(), forkedRun.GetProperty("summary").GetRawText());
        }
        var seed = plainRuns.Keys.First().Seed;
        Assert.NotEqual(forkedRuns[("gba-small", seed)].GetProperty("resultHash").GetString(), forkedRuns[("small-pilot-platforms", seed)].GetProperty("resultHash").GetString());

        // Each branch is a run of its own in the store, with all 36 months (the shared ones too) and the same exports.
        foreach (var (key, plainRun) in plainRuns)
        {
            var plainId = plainRun.GetProperty("id").GetString();
            var forkedId = forkedRuns[key].GetProperty("id").GetString();
            var plainResults = await http.GetFromJsonAsync<JsonElement>($"api/runs/{plainId}/results");
            var forkedResults = await http.GetFromJsonAsync<JsonElement>($"api/runs/{forkedId}/results");
            Assert.Equal(36, forkedResults.GetProperty("months").GetArrayLength());
            Assert.Equal(plainResults.GetProperty("months").GetRawText(), forkedResults.GetProperty("months").GetRawText());
            foreach (var table in new[] { "policies", "flows" })
            {
                Assert.Equal(await http.GetStringAsync($"api/runs/{plainId}/export/{table}"), await http.GetStringAsync($"api/runs/{forkedId}/export/{table}"));
            }
        }
    }

    [Fact]
    public async Task Experiment_endpoint_refuses_a_variant_that_changes_the_shared_past()
    {
        using var http = fixture.Silo.Http();
        var baseline = await File.ReadAllTextAsync(Scenarios.Repository.PathOf("scenarios/gba-small.yaml"));
        var variant = await File.ReadAllTextAsync(Scenarios.Repository.PathOf(Variant));
        var body = new
        {
            baseline = new { text = baseline, path = "gba-small.yaml" },
            variants = new[] { new { text = variant, path = "small/pilot-platforms.yaml", label = "pilots" } },
            seeds = new[] { 1, 2 },
            forkAt = "2026-07",
        };
        using var early = await http.PostAsJsonAsync("api/experiments", body);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var problem = await ApiHelpers.ProblemAsync(early);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Variant 'pilots' cannot be forked from 'gba-small' at 2026-07", detail, StringComparison.Ordinal);
        Assert.Contains("'science-city-pilot-platforms' starts in 2026-01, before the fork", detail, StringComparison.Ordinal);

        using var badMonth = await http.PostAsJsonAsync("api/experiments", body with { forkAt = "January" });
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("YYYY-MM", (await ApiHelpers.ProblemAsync(badMonth)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Accepted at the policy's start: one run per scenario and seed, queued at once.
        using var accepted = await http.PostAsJsonAsync("api/experiments", body with { forkAt = "2026-01" });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var experiment = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-01", experiment.GetProperty("forkAt").GetString());
        var runs = experiment.GetProperty("runs").EnumerateArray().Select(r => (Label: r.GetProperty("label").GetString(), Seed: r.GetProperty("seed").GetString(), Id: r.GetProperty("run").GetProperty("id").GetString()!)).ToArray();
        Assert.Equal([("gba-small", "1"), ("pilots", "1"), ("gba-small", "2"), ("pilots", "2")], runs.Select(r => (r.Label, r.Seed)));
        foreach (var run in runs)
        {
            var final = await ApiHelpers.WaitAsync(http, run.Id, ApiHelpers.Finished);
            Assert.Equal("completed", final.GetProperty("status").GetString());
            Assert.Equal(36, final.GetProperty("monthsDone").GetInt32());
        }
    }

    [Fact]
    public async Task A_run_of_a_fork_group_can_be_cancelled_on_its_own()
    {
        using var http = fixture.Silo.Http();
        var body = new
        {
            baseline = new { text = await File.ReadAllTextAsync(Scenarios.Repository.PathOf("scenarios/gba-small.yaml")), path = "gba-small.yaml" },
            variants = new[] { new { text = await File.ReadAllTextAsync(Scenarios.Repository.PathOf(Variant)), path = "small/pilot-platforms.yaml", label = "pilots" } },
            seeds = new[] { 11, 12, 13 },
            forkAt = "2026-01",
        };
        using var accepted = await http.PostAsJsonAsync("api/experiments", body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runs = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runs").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("label").GetString()!, r.GetProperty("seed").GetString()!), r => r.GetProperty("run").GetProperty("id").GetString()!);

        // The last group waits behind the first two (the silo runs two at a time): its variant is cancelled, its baseline runs on.
        using var cancel = await http.PostAsync($"api/runs/{runs[("pilots", "13")]}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await ApiHelpers.WaitAsync(http, runs[("pilots", "13")], ApiHelpers.Finished);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        foreach (var (key, id) in runs.Where(r => r.Key != ("pilots", "13")))
        {
            var final = await ApiHelpers.WaitAsync(http, id, ApiHelpers.Finished);
            Assert.True(final.GetProperty("status").GetString() == "completed", $"{key}: {final}");
            Assert.Equal(36, final.GetProperty("monthsDone").GetInt32());
        }
    }
}
