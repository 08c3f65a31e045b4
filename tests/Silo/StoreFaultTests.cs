using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>
/// The real silo process when its results store cannot write, rehearsed with the fault-injecting
/// store (<c>Silo:FaultStoreAfterWrites</c>, <c>Silo:FaultStoreWrites</c>) as a full disk.
/// </summary>
public sealed class StoreFaultTests
{
    [Fact]
    public async Task Full_disk_fails_the_run_clearly_keeps_the_silo_up_refuses_new_runs_with_503_and_recovers_once_writes_succeed()
    {
        using var data = new TempData();
        string id;
        // Eight writes succeed (a few months of the run), the next six fail, then the store writes again.
        await using (var silo = await SiloProcess.StartAsync(data.Path, "--Silo:FaultStoreAfterWrites=8", "--Silo:FaultStoreWrites=6", "--Silo:StoreProbeSeconds=0"))
        {
            using var http = silo.Http();
            id = (await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.02")).GetProperty("id").GetString()!;
            var failed = await WaitAsync(http, id, Finished, seconds: 60);
            Assert.Equal("failed", failed.GetProperty("status").GetString());
            var error = failed.GetProperty("error").GetString()!;
            var months = failed.GetProperty("monthsDone").GetInt32();
            Assert.StartsWith($"Stopped after {months} of 36 months: the results store cannot write (the database or disk is full).", error);
            Assert.Contains("This ending is not yet stored", error);
            Assert.DoesNotContain(data.Path, error);
            var results = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}/results");
            Assert.Equal(months, results.GetProperty("months").GetArrayLength());

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
            using (var ready = await http.GetAsync("ready"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.Contains("the results store cannot write (the database or disk is full)", await ready.Content.ReadAsStringAsync());
            }
            var text = await File.ReadAllTextAsync(Scenarios.Repository.PathOf("scenarios/gba-small.yaml"));
            using (var refused = await http.PostAsync("api/runs?scale=0.02", Yaml(text)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                var problem = await ProblemAsync(refused);
                Assert.Equal("https://gbasim.dev/problems/unavailable", problem.GetProperty("type").GetString());
                Assert.Contains("takes no new runs now because the results store cannot write", problem.GetProperty("detail").GetString());
            }
            using (var cancel = await http.PostAsync($"api/runs/{id}/cancel", null))
            {
                Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
            }

            // The store writes again after its failing writes: ready again, and the kept ending is stored.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((await http.GetAsync("ready")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < deadline, "the silo never became ready again");
                await Task.Delay(50);
            }
            var stored = await http.GetFromJsonAsync<JsonElement>($"api/runs/{id}");
            Assert.DoesNotContain("not yet stored", stored.GetProperty("error").GetString());
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/runs?scale=0.02", Yaml(text))).StatusCode);
            Assert.False(silo.HasExited);
        }

        // The ending was written, so a new silo reads the run as failed, not interrupted.
        await using var restarted = await SiloProcess.StartAsync(data.Path);
        using var client = restarted.Http();
        var after = await client.GetFromJsonAsync<JsonElement>($"api/runs/{id}");
        Assert.Equal("failed", after.GetProperty("status").GetString());
        Assert.StartsWith("Stopped after", after.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Run_left_running_by_a_store_that_never_writes_again_is_reported_failed_and_interrupted_after_a_restart()
    {
        using var data = new TempData();
        string id;
        await using (var silo = await SiloProcess.StartAsync(data.Path, "--Silo:FaultStoreAfterWrites=8"))
        {
            using var http = silo.Http();
            id = (await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.02")).GetProperty("id").GetString()!;
            Assert.Equal("failed", (await WaitAsync(http, id, Finished, seconds: 60)).GetProperty("status").GetString());
            Assert.Equal("failed", (await http.GetFromJsonAsync<JsonElement>("api/runs"))[0].GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(data.Path);
        using var client = restarted.Http();
        var after = await client.GetFromJsonAsync<JsonElement>($"api/runs/{id}");
        Assert.Equal("interrupted", after.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("ready")).StatusCode);
    }
}
