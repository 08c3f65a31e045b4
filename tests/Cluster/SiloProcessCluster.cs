using System.Diagnostics;
using GbaSim.Silo.Hosting;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Cluster;

/// <summary>
/// A cluster of real <c>gbasim-silo</c> processes joined through a throwaway Redis: the first silo
/// is full (runs, registry, results store), the others host shards (see <see cref="SiloRoles"/>),
/// each with ports and a data folder of its own. Clients reach it with <c>--cluster</c>.
/// Disposing kills every silo and Redis by process id and deletes the data folders.
/// </summary>
public sealed class SiloProcessCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly List<TempData> _folders = [];

    private SiloProcessCluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }

    /// <summary>The silos in the order they were started; a killed silo stays listed.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>Starts Redis and <paramref name="silos"/> silos at once; each has joined when it prints its address.</summary>
    public static async Task<SiloProcessCluster> StartAsync(int silos, params string[] siloArguments)
    {
        var cluster = new SiloProcessCluster(await RedisServer.StartAsync());
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(i => cluster.AddSiloAsync(i == 0 ? SiloRoles.Full : SiloRoles.Shards, siloArguments)));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Starts one more silo of <paramref name="role"/> and waits until it has joined.</summary>
    public async Task<SiloProcess> AddSiloAsync(string role, params string[] siloArguments)
    {
        var data = new TempData();
        lock (_folders)
        {
            _folders.Add(data);
        }
        var silo = await SiloProcess.StartAsync(data.Path, ["--cluster", Redis.Url, "--role", role, .. siloArguments]);
        lock (_silos)
        {
            _silos.Add(silo);
        }
        return silo;
    }

    /// <summary>Runs the <c>gbasim</c> client with <c>--cluster</c> naming this cluster's Redis; also its wall-clock time.</summary>
    public async Task<(ClientProcess.Outcome Outcome, TimeSpan Took)> ClientAsync(params string[] arguments)
    {
        using var data = new TempData();
        var clock = Stopwatch.StartNew();
        var outcome = await ClientProcess.RunAsync(data.Path, [.. arguments, "--cluster", Redis.Url]);
        return (outcome, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
        await Redis.DisposeAsync();
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}
