using System.Text.Json;
using GbaSim.Silo.Hosting;
using GbaSim.Tests.Sharding;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Cluster;

/// <summary>The real client against three real silo processes joined through Redis: the same results as the embedded default, and a lost gateway costs the client nothing.</summary>
[Collection(ThreeSiloProcessCollection.Name)]
public sealed class ClusterRunTests(ThreeSiloProcesses silos)
{
    [Fact]
    public async Task Gba_small_and_a_fifth_of_the_baseline_give_the_embedded_default_hashes_on_three_silo_processes()
    {
        var small = await silos.Cluster.ClientAsync("run", "scenarios/gba-small.yaml", "--json");
        var baseline = await silos.Cluster.ClientAsync("run", "scenarios/gba-baseline.yaml", "--scale", "0.2", "--json");
        using var data = new TempData();
        var embedded = await ClientProcess.RunAsync(data.Path, "run", "scenarios/gba-baseline.yaml", "--scale", "0.2", "--json");

        Assert.True(small.Outcome.ExitCode == 0, small.Outcome.Errors);
        Assert.True(baseline.Outcome.ExitCode == 0, baseline.Outcome.Errors);
        Assert.True(embedded.ExitCode == 0, embedded.Errors);
        Assert.Contains("started one in this process", embedded.Errors);
        // gba-small's hash is the one every configuration pins, the embedded default among them (tests/Sharding).
        Assert.Equal(PrePortHash.GbaSmall, Hash(small.Outcome.Output));
        Assert.Equal(Hash(embedded.Output), Hash(baseline.Outcome.Output));
    }

    [Fact]
    public async Task Client_carries_on_through_another_gateway_after_a_gateway_silo_is_killed()
    {
        // A silo that joins after every run has started holds no shard: it is only a gateway, and losing it costs no run.
        var gateway = await silos.Cluster.AddSiloAsync(SiloRoles.Shards);
        var before = await silos.Cluster.ClientAsync("runs");
        Assert.True(before.Outcome.ExitCode == 0, before.Outcome.Errors);

        gateway.Kill();
        // Redis lists the dead gateway as live until the cluster declares its silo dead; each new client must get past it.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var after = await silos.Cluster.ClientAsync("runs");
            Assert.True(after.Outcome.ExitCode == 0, $"attempt {attempt} after the kill: {after.Outcome.Errors}");
            Assert.Contains("status", after.Outcome.Output);
        }
    }

    [Fact]
    public async Task Client_naming_a_cluster_id_no_silo_has_exits_3_in_one_line()
    {
        var (outcome, _) = await silos.Cluster.ClientAsync("runs", "--cluster-id", "nobody-here");

        Assert.Equal(3, outcome.ExitCode);
        var line = Assert.Single(outcome.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cluster 'nobody-here'", line);
        Assert.DoesNotContain("   at ", outcome.Errors);
    }

    private static string Hash(string output) => JsonDocument.Parse(output).RootElement.GetProperty("resultHash").GetString()!;
}
