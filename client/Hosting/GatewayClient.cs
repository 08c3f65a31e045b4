using GbaSim.Client.Connection;
using GbaSim.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace GbaSim.Client.Hosting;

/// <summary>An Orleans client connected to one silo's gateway, in a host of its own.</summary>
public static class GatewayClient
{
    /// <summary>Connects once, without retrying, and returns the started host; throws <see cref="SiloUnreachableException"/> when the gateway does not answer.</summary>
    public static async Task<IHost> ConnectAsync(GatewayAddress gateway, string clusterId, CancellationToken cancellationToken)
    {
        var endpoint = await gateway.ResolveAsync(cancellationToken);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClientLogging.Configure(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoint);
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ClusterIdentity.ServiceId;
            });
            // Fail fast: with nothing at the default address the command starts a silo of its own instead.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromMinutes(1));
            client.AddActivityPropagation();
            if (ApiKeyCallFilter.FromEnvironment() is { } key)
            {
                client.AddOutgoingGrainCallFilter(new ApiKeyCallFilter(key));
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new SiloUnreachableException(gateway.ToString(), Reason(ex));
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        Orleans.Runtime.Messaging.ConnectionFailedException => "nothing answered at its gateway port.",
        SiloUnavailableException => "nothing answered at its gateway port.",
        _ => $"{ex.GetBaseException().Message} (a silo of another cluster id? set GBASIM_CLUSTER_ID)",
    };
}
