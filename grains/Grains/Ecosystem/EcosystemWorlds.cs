using GbaSim.Grains.Scenarios;
using Microsoft.Extensions.Caching.Memory;

namespace GbaSim.Grains.Ecosystem;

/// <summary>
/// The worlds of the runs whose shards live in this silo, built once per silo and scenario and
/// shared read-only by those shards (and by branches of the same world). The newest few stay
/// cached; building one again gives the same world.
/// </summary>
public sealed class EcosystemWorlds(ScenarioLibrary library) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 8 });

    public EcosystemWorld Get(EcosystemModelSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entry = _cache.GetOrCreate((spec, seed), item =>
        {
            item.Size = 1;
            item.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new Lazy<EcosystemWorld>(() => Build(spec, seed));
        })!;
        return entry.Value;
    }

    public void Dispose() => _cache.Dispose();

    private EcosystemWorld Build(EcosystemModelSpec spec, ulong seed) =>
        new(library.Parse(spec.ScenarioText, spec.ScenarioPath), seed, spec.Scale, spec.FaultActor, spec.FaultMonth);
}
