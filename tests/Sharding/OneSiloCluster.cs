namespace GbaSim.Tests.Sharding;

/// <summary>One GbaSim silo shared by every test of <see cref="OneSiloCollection"/>, started once because a silo costs a second or so.</summary>
public sealed class OneSiloCluster : IAsyncLifetime
{
    private GbaSimCluster? _cluster;

    public GbaSimCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await GbaSimCluster.Start(silos: 1);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OneSiloCollection : ICollectionFixture<OneSiloCluster>
{
    public const string Name = "one GbaSim silo";
}
