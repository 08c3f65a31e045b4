using System.Net;
using System.Net.Sockets;
using GbaSim.Silo.Hosting;
using GbaSim.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GbaSim.Client.Hosting;

/// <summary>
/// The embedded default: an Orleans silo inside the command's own process (localhost clustering,
/// no gateway, the same GbaSim grains as <c>gbasim-silo</c>), for when no silo is running.
/// </summary>
public static class EmbeddedSilo
{
    /// <summary>Its own cluster id, so that it never meets a silo someone else runs on this machine.</summary>
    public const string ClusterId = "gbasim-embedded";

    /// <summary>Starts the silo.</summary>
    /// <param name="library">The scenario library to serve (the folder holding the scenario file's <c>worlds</c>), or null for the nearest <c>scenarios</c> folder.</param>
    /// <param name="dataFolder">Where results go; null for <see cref="UserDataFolder"/>.</param>
    public static async Task<IHost> StartAsync(string? library, CancellationToken cancellationToken, string? dataFolder = null)
    {
        var options = new SiloOptions
        {
            ClusterId = ClusterId,
            DataFolder = dataFolder ?? UserDataFolder.Resolve(),
            ScenarioLibrary = library ?? "",
            SiloPort = FreeLoopbackPort(),
            GatewayPort = 0,
        };
        // Locks the folder and checks its database first, as gbasim-silo does: a StoreStartupException says what is wrong.
        var storage = SiloStorage.Open(options.DataFolder, DateTimeOffset.UtcNow);
        IHost host;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            ClientLogging.Configure(builder.Logging);
            builder.UseOrleans(silo =>
            {
                // Gateway port 0: no gateway, since the only client is this process's own.
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: GbaSim.Contracts.ClusterIdentity.ServiceId, clusterId: options.ClusterId);
                silo.AddGbaSim(options, storage: storage);
            });
            host = builder.Build();
            // Resolved now so that the host owns it and disposing the host releases the folder.
            host.Services.GetRequiredService<SiloStorage>();
        }
        catch
        {
            storage.Dispose();
            throw;
        }
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public static string DataFolder(IHost host) =>
        Path.GetFullPath(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value.DataFolder);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
