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
    /// <summary>The gateway named, if any.</summary>
    public string? Gateway => Named(Silo, "GBASIM_SILO");

    /// <summary>The cluster's Redis, if one is named; bad URLs are an <see cref="ArgumentException"/> (exit code 2).</summary>
    public RedisAddress? Redis()
    {
        var cluster = Named(Cluster, "GBASIM_CLUSTER");
        if (cluster is null)
        {
            return null;
        }
        if (Silo is { Length: > 0 })
        {
            throw new ArgumentException("Name either --silo (one gateway) or --cluster (any gateway of a cluster), not both.");
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
    public string Id => Named(ClusterId, "GBASIM_CLUSTER_ID") ?? ClusterIdentity.DefaultClusterId;

    private static string? Named(string? flag, string variable) =>
        flag is { Length: > 0 } ? flag : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
