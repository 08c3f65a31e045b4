namespace GbaSim.Tests.Cluster;

/// <summary>Three silo processes joined through Redis, shared by every test of <see cref="ThreeSiloProcessCollection"/>.</summary>
public sealed class ThreeSiloProcesses : IAsyncLifetime
{
    public const int Silos = 3;

    private SiloProcessCluster? _cluster;

    public SiloProcessCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync() => _cluster = await SiloProcessCluster.StartAsync(Silos);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ThreeSiloProcessCollection : ICollectionFixture<ThreeSiloProcesses>
{
    public const string Name = "three silo processes in a Redis cluster";
}
