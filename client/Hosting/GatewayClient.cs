using GbaSim.Client.Connection;
using GbaSim.Contracts;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace GbaSim.Client.Hosting;

/// <summary>An Orleans client, in a host of its own, connected to one silo's gateway or to any live gateway of a cluster.</summary>
public static class GatewayClient
{
    /// <summary>
    /// How often a cluster client re-reads the live gateways from Redis. Ten seconds: a gateway that
    /// died leaves the list within about that much of Orleans declaring its silo dead, and a new one joins it.
    /// </summary>
    public static readonly TimeSpan ClusterGatewayRefresh = TimeSpan.FromSeconds(10);

    /// <summary>Connects once, without retrying, and returns the started host; throws <see cref="SiloUnreachableException"/> when the gateway does not answer.</summary>
    public static async Task<IHost> ConnectAsync(GatewayAddress gateway, string clusterId, CancellationToken cancellationToken)
    {
        var endpoint = await gateway.ResolveAsync(cancellationToken);
        // Fail fast: with nothing at the default address the command starts a silo of its own instead.
        return await StartAsync(gateway.ToString(), clusterId, client =>
        {
            client.UseStaticClustering(endpoint);
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromMinutes(1));
        }, cancellationToken);
    }

    /// <summary>
    /// Connects to whichever gateways of the cluster Redis lists as live; when the one a call goes
    /// through dies, Orleans sends later calls through another. Throws
    /// <see cref="SiloUnreachableException"/> when Redis or every gateway is silent.
    /// </summary>
    public static async Task<IHost> ConnectToClusterAsync(RedisAddress redis, string clusterId, CancellationToken cancellationToken)
    {
        var address = $"cluster '{clusterId}' in {redis}";
        try
        {
            await RedisProbe.EnsureReachableAsync(redis, cancellationToken);
        }
        catch (ClusterUnreachableException ex)
        {
            throw new SiloUnreachableException(address, ex.Message);
        }
        return await StartAsync(address, clusterId, client =>
        {
            client.UseRedisClustering(membership => membership.ConfigurationOptions = redis.Configuration());
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = ClusterGatewayRefresh);
            client.AddOutgoingGrainCallFilter<UndeliveredCallRetry>();
        }, cancellationToken);
    }

    private static async Task<IHost> StartAsync(string address, string clusterId, Action<IClientBuilder> clustering, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ClientLogging.Configure(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = clusterId;
                cluster.ServiceId = ClusterIdentity.ServiceId;
            });
            // A gateway that does not answer at start is reported at once rather than retried for minutes.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
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
            throw new SiloUnreachableException(address, Reason(ex));
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        Orleans.Runtime.Messaging.ConnectionFailedException => "nothing answered at its gateway port.",
        SiloUnavailableException => "nothing answered at its gateway port.",
        OrleansException when ex.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => "no live gateway is listed (are its silos up, with this cluster id?).",
        _ => $"{ex.GetBaseException().Message} (a silo of another cluster id? set GBASIM_CLUSTER_ID or --cluster-id)",
    };
}
