using System.Text.Json;
using GbaSim.Tests.Silo;
using static GbaSim.Tests.Silo.ApiHelpers;

namespace GbaSim.Tests.Checkpoints;

/// <summary>A run interrupted by a killed silo process goes on from its last checkpoint with <c>gbasim resume</c> and ends as if never stopped.</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task Resume_finishes_a_run_whose_silo_was_killed_with_the_hash_of_an_uninterrupted_run()
    {
        using var data = new TempData();
        string id;
        await using (var silo = await SiloProcess.StartAsync(data.Path))
        {
            using var http = silo.Http();
            var run = await SubmitAsync(http, "scenarios/gba-baseline.yaml", "&scale=0.05&checkpointEvery=6");
            id = run.GetProperty("id").GetString()!;
            var progress = await WaitAsync(http, id, r => r.GetProperty("monthsDone").GetInt32() >= 15 || Finished(r));
            Assert.Equal("running", progress.GetProperty("status").GetString());
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(data.Path);
        var resumed = await ClientProcess.RunAsync(data.Path, "resume", id, "--silo", restarted.Gateway, "--json");
        Assert.True(resumed.ExitCode == 0, $"resume exited {resumed.ExitCode}: {resumed.Errors}");
        var uninterrupted = await ClientProcess.RunAsync(data.Path, "run", Scenarios.Repository.PathOf("scenarios/gba-baseline.yaml"), "--scale", "0.05", "--silo", restarted.Gateway, "--json", "--checkpoint-every", "0");
        Assert.True(uninterrupted.ExitCode == 0, $"run exited {uninterrupted.ExitCode}: {uninterrupted.Errors}");

        using var after = JsonDocument.Parse(resumed.Output);
        using var plain = JsonDocument.Parse(uninterrupted.Output);
        Assert.Equal("completed", after.RootElement.GetProperty("status").GetString());
        Assert.Equal(plain.RootElement.GetProperty("resultHash").GetString(), after.RootElement.GetProperty("resultHash").GetString());
        Assert.Equal(plain.RootElement.GetProperty("summary").ToString(), after.RootElement.GetProperty("summary").ToString());
    }
}
