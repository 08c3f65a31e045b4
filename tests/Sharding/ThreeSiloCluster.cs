namespace GbaSim.Tests.Sharding;

/// <summary>A cluster of three GbaSim silos shared by every test of <see cref="ThreeSiloCollection"/>.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const int Silos = 3;

    private GbaSimCluster? _cluster;

    public GbaSimCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await GbaSimCluster.Start(Silos);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ThreeSiloCollection : ICollectionFixture<ThreeSiloCluster>
{
    public const string Name = "three GbaSim silos";
}
