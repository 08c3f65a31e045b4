using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace GbaSim.Grains.Sharding;

/// <summary>
/// Places shard k of a run on the k-th of the silos that can host it (in address order, wrapping
/// around), so a run's shards spread evenly over the cluster, and the shards of a branch land on
/// the silos of the shards they fork from. Where a shard lives never changes results.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("gbasim.ShardPlacement")]
public sealed class ShardPlacement : PlacementStrategy
{
    public static ShardPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class keyed <c>{run}/{index}</c> for <see cref="ShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(ShardPlacement.Instance);

/// <summary>Chooses the silo of a shard grain by its index (see <see cref="ShardPlacement"/>).</summary>
public sealed class ShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}.");
        }
        Array.Sort(silos, static (a, b) => string.CompareOrdinal(a.ToParsableString(), b.ToParsableString()));
        var key = target.GrainIdentity.Key.ToString();
        var index = int.TryParse(key.AsSpan(key.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture, out var k) ? k : 0;
        return Task.FromResult(silos[index % silos.Length]);
    }
}
