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
        Assert.Contains("started one in its own process", embedded.Errors);
        // gba-small's hash is the one every configuration pins, the embedded default among them (tests/Sharding).
        Assert.Equal(PrePortHash.GbaSmall, Hash(small.Outcome.Output));
        Assert.Equal(Hash(embedded.Output), Hash(baseline.Outcome.Output));
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
