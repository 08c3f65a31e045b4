using GbaSim.Contracts;
using GbaSim.Silo.Hosting;

namespace GbaSim.Client.Connection;

/// <summary>
/// Where a command's silo is, as the user said it: one gateway (<c>--silo</c>, <c>GBASIM_SILO</c>),
/// a cluster whose gateways are listed in Redis (<c>--cluster</c>, <c>GBASIM_CLUSTER</c>), or
/// neither (the default gateway, else an embedded silo). A flag wins over its variable.
/// </summary>
public sealed record SiloTarget(string? Silo, string? Cluster, string? ClusterId)
{
    /// <summary>The gateway named, if any: <c>--silo</c>, else <c>GBASIM_SILO</c> unless <c>--cluster</c> was given.</summary>
    public string? Gateway => Silo is { Length: > 0 } ? Silo : Cluster is { Length: > 0 } ? null : Variable("GBASIM_SILO");

    /// <summary>The cluster's Redis, if one is named; bad URLs and a cluster named beside a gateway are an <see cref="ArgumentException"/> (exit code 2).</summary>
    public RedisAddress? Redis()
    {
        var cluster = Cluster is { Length: > 0 } ? Cluster : Silo is { Length: > 0 } ? null : Variable("GBASIM_CLUSTER");
        if (cluster is null)
        {
            return null;
        }
        if (Gateway is not null)
        {
            throw new ArgumentException(Silo is { Length: > 0 }
                ? "Name either --silo (one gateway) or --cluster (any gateway of a cluster), not both."
                : "GBASIM_SILO and GBASIM_CLUSTER are both set: unset one, or name --silo or --cluster.");
        }
        try
        {
            return RedisAddress.Parse(cluster);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--cluster: {ex.Message}");
        }
    }

    /// <summary>The cluster id to name: <c>--cluster-id</c>, else <c>GBASIM_CLUSTER_ID</c>, else <c>gbasim</c>.</summary>
    public string Id => ClusterId is { Length: > 0 } ? ClusterId : Variable("GBASIM_CLUSTER_ID") ?? ClusterIdentity.DefaultClusterId;

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
