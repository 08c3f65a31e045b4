using GbaSim.Client.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using GbaSim.Grains.Experiments;

namespace GbaSim.Client.Connection;

/// <summary>
/// The silo a command talks to, through Orleans: any live gateway of the cluster named by
/// <c>--cluster</c> or <c>GBASIM_CLUSTER</c>, or the gateway named by <c>--silo</c> or
/// <c>GBASIM_SILO</c> (either must answer), else the one at <c>localhost:30000</c>, else a silo
/// started inside this process so that a fresh clone needs nothing else running.
/// </summary>
public sealed class SiloConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloConnection(IHost host, bool embedded)
    {
        _host = host;
        Embedded = embedded;
        Client = new SiloClient(host.Services.GetRequiredService<IGrainFactory>());
    }

    public SiloClient Client { get; }

    public bool Embedded { get; }

    /// <param name="target">The silo or cluster the user named, if any.</param>
    /// <param name="library">For an embedded silo: the scenario library to serve (the folder the scenario file lives in).</param>
    public static async Task<SiloConnection> OpenAsync(SiloTarget target, string? library, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var clusterId = target.Id;
        if (target.Redis() is { } redis)
        {
            return new SiloConnection(await GatewayClient.ConnectToClusterAsync(redis, clusterId, cancellationToken), embedded: false);
        }
        var named = target.Gateway;
        if (!string.IsNullOrWhiteSpace(named))
        {
            return new SiloConnection(await GatewayClient.ConnectAsync(GatewayAddress.Parse(named), clusterId, cancellationToken), embedded: false);
        }
        try
        {
            return new SiloConnection(await GatewayClient.ConnectAsync(GatewayAddress.Default, clusterId, cancellationToken), embedded: false);
        }
        catch (SiloUnreachableException)
        {
            var host = await EmbeddedSilo.StartAsync(library, cancellationToken);
            // On standard error, so that --json output stays one object.
            Console.Error.WriteLine($"gbasim: no silo answered at {GatewayAddress.Default}, so this command started one in its own process; it keeps runs in {EmbeddedSilo.DataFolder(host)} (set {UserDataFolder.Variable} to change).");
            return new SiloConnection(host, embedded: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
