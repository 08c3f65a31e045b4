using System.Diagnostics;
using GbaSim.Silo.Hosting;

namespace GbaSim.Tests.Cluster;

/// <summary>
/// A cluster client after one gateway's silo is killed: once the cluster has noticed, commands
/// go through the gateways left. A cluster of its own, so that the dead gateway troubles no other test.
/// </summary>
public sealed class GatewayLossTests
{
    [Fact]
    public async Task Client_carries_on_through_another_gateway_after_a_gateway_silo_is_killed()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(2);
        // A silo that joins after the others holds no run: it is only a gateway, and losing it costs no run.
        var gateway = await cluster.AddSiloAsync(SiloRoles.Shards);
        var before = await cluster.ClientAsync("runs");
        Assert.True(before.Outcome.ExitCode == 0, before.Outcome.Errors);

        gateway.Kill();
        var clock = Stopwatch.StartNew();
        var failures = 0;
        while (true)
        {
            var after = await cluster.ClientAsync("runs");
            if (after.Outcome.ExitCode == 0)
            {
                Assert.Contains("status", after.Outcome.Output);
                break;
            }
            // Until membership declares the silo dead, Redis still lists its gateway and a client may pick it.
            Assert.Contains("silo connection failed", after.Outcome.Errors, StringComparison.OrdinalIgnoreCase);
            failures++;
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no command got through in {clock.Elapsed.TotalSeconds:F0} s ({failures} failed)");
        }
        // Two commands in a row then go through without a failure.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var next = await cluster.ClientAsync("runs");
            Assert.True(next.Outcome.ExitCode == 0, $"attempt {attempt}: {next.Outcome.Errors}");
        }
    }
}
