using System.Net.Http.Json;
using System.Text.Json;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Silo;

/// <summary>Failures the silo must survive: a grain that throws, and the silo itself killed mid-run.</summary>
public sealed class SiloFailureTests
{
    [Fact]
    public async Task Run_whose_grain_throws_fails_with_the_grain_and_step_and_the_silo_carries_on()
    {
        using var data = new TempData();
        await using var silo = await SiloProcess.StartAsync(data.Path, "--Silo:FaultGrain=city/Macao", "--Silo:FaultMonth=3");
        using var http = silo.Http();
        var run = await SubmitAsync(http, "scenarios/gba-small.yaml", "&scale=0.01");
        var done = await WaitAsync(http, run.GetProperty("id").GetString()!, Finished);
        Assert.Equal("failed", done.GetProperty("status").GetString());
        var error = done.GetProperty("error").GetString()!;
        Assert.Contains("city/Macao", error);
        Assert.Contains("step 3", error);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        // Months before the failure stay readable.
        var results = await http.GetFromJsonAsync<JsonElement>($"api/runs/{done.GetProperty("id").GetString()}/results");
        Assert.Equal(done.GetProperty("monthsDone").GetInt32(), results.GetProperty("months").GetArrayLength());
    }

    [Fact]
    public async Task Silo_killed_mid_run_keeps_finished_months_and_marks_the_run_interrupted_not_complete()
    {
        using var data = new TempData();
        string id;
        int seenMonths;
        await using (var silo = await SiloProcess.StartAsync(data.Path))
        {
            using var http = silo.Http();
            var run = await SubmitAsync(http, "scenarios/gba-baseline.yaml", "&scale=0.3");
            id = run.GetProperty("id").GetString()!;
            var progress = await WaitAsync(http, id, r => r.GetProperty("monthsDone").GetInt32() >= 5 || Finished(r));
            Assert.Equal("running", progress.GetProperty("status").GetString());
            seenMonths = progress.GetProperty("monthsDone").GetInt32();
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(data.Path);
        using var client = restarted.Http();
        var after = await client.GetFromJsonAsync<JsonElement>($"api/runs/{id}");
        Assert.Equal("interrupted", after.GetProperty("status").GetString());
        Assert.False(after.TryGetProperty("resultHash", out var hash) && hash.ValueKind == JsonValueKind.String);
        var months = after.GetProperty("monthsDone").GetInt32();
        Assert.True(months >= seenMonths, $"{months} months kept, {seenMonths} seen before the kill");
        var results = await client.GetFromJsonAsync<JsonElement>($"api/runs/{id}/results");
        Assert.Equal(months, results.GetProperty("months").GetArrayLength());
    }
}
