using GbaSim.Kernel.Identity;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// The seed of replication i, the same for the baseline and every variant (common random
/// numbers): replication 0 uses the baseline's own seed, later ones a stable mix of it with i.
/// </summary>
public static class ReplicationSeeds
{
    public static ulong Of(ulong baselineSeed, int replication) =>
        replication == 0 ? baselineSeed : StableHash.Combine(StableHash.Mix(baselineSeed), (ulong)replication);
}
