using GbaSim.Contracts.Runs;
using GbaSim.Tests.Sharding;

namespace GbaSim.Tests.Model;

/// <summary>The committed <c>scenarios/gba-baseline.yaml</c>, run on a test silo at a chosen scale and length.</summary>
public static class CommittedBaseline
{
    public static Task<RunInfo> Run(GbaSimCluster cluster, double scale, int months)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Run(new RunRequest(null, null, "gba-baseline.yaml", null, scale, null, null, Granularity.Shard, Months: months));
    }
}
