using System.Net;
using System.Net.Sockets;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbaSim.Bench.Hosting;

/// <summary>
/// An Orleans silo inside the benchmark's process, set up as every GbaSim silo is (see
/// <see cref="GbaSimSiloBuilderExtensions.AddGbaSim"/>), on a free loopback port with no gateway,
/// and with its results store in a folder of its own that goes when the silo stops, so that
/// benchmarks neither collide with a running silo nor leave runs behind.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataFolder;

    private BenchSilo(IHost host, string dataFolder)
    {
        _host = host;
        _dataFolder = dataFolder;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="scenarioLibrary">The scenario library to serve; null for the nearest <c>scenarios</c> folder.</param>
    /// <param name="configure">Further silo set-up, such as the factories of models other than GBA.</param>
    public static async Task<BenchSilo> StartAsync(string? scenarioLibrary = null, Action<ISiloBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), $"gbasim-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new SiloOptions { DataFolder = dataFolder, ScenarioLibrary = scenarioLibrary ?? "" };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Warnings only, and on standard error: standard output is the benchmark's JSON lines.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), gatewayPort: 0, serviceId: GbaSim.Contracts.ClusterIdentity.ServiceId, clusterId: options.ClusterId);
            silo.AddGbaSim(options);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BenchSilo(host, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        // Pooled connections keep the results database open, which would stop its folder going.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>A loopback port nobody listens on now; Orleans needs a fixed silo port, so it cannot pick one itself.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
