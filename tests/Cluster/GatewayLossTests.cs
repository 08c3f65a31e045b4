using GbaSim.Silo.Hosting;

namespace GbaSim.Tests.Cluster;

/// <summary>
/// A cluster client after one gateway's silo is killed: commands go through the gateways left,
/// before and after the cluster notices. A cluster of its own, so that the dead gateway troubles no other test.
/// </summary>
public sealed class GatewayLossTests
{
    [Fact]
    public async Task Commands_go_through_another_gateway_after_a_gateway_silo_is_killed()
    {
        await using var cluster = await SiloProcessCluster.StartAsync(2);
        // A silo that joins after the others holds no run: it is only a gateway, and losing it costs no run.
        var gateway = await cluster.AddSiloAsync(SiloRoles.Shards);
        var before = await cluster.ClientAsync("runs");
        Assert.True(before.Outcome.ExitCode == 0, before.Outcome.Errors);

        gateway.Kill();
        // Redis lists the dead gateway until membership declares its silo dead: every command in
        // that window must still go through, stepping past the gateway that refuses connections.
        for (var command = 0; command < 6; command++)
        {
            var after = await cluster.ClientAsync("runs");
            Assert.True(after.Outcome.ExitCode == 0, $"command {command} after the kill: {after.Outcome.Errors}");
            Assert.Contains("status", after.Outcome.Output);
            Assert.DoesNotContain("Exception", after.Outcome.Errors, StringComparison.Ordinal);
        }
    }
}
