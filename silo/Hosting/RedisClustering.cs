using System.Net;
using Orleans.Configuration;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// How a <c>gbasim-silo</c> joins a cluster of several silos (<c>--cluster redis://HOST:PORT</c>):
/// Orleans keeps the cluster's membership table in that Redis, where clients also find the live
/// gateways, and the silo's checkpoints go to the same Redis. The silo listens on
/// <see cref="SiloOptions.Host"/> for both its silo-to-silo port and its gateway (other silos must
/// reach the one, clients the other) and advertises the address others dial.
/// </summary>
public static class RedisClustering
{
    public static ISiloBuilder UseRedisCluster(this ISiloBuilder orleans, SiloOptions silo, RedisAddress redis)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(redis);
        orleans.UseRedisClustering(membership => membership.ConfigurationOptions = redis.Configuration());
        var host = IPAddress.Parse(silo.Host);
        var advertised = IPAddress.IsLoopback(host) ? host : SingleSiloClustering.AdvertisedAddress(silo);
        orleans.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = advertised;
            endpoints.SiloPort = silo.SiloPort;
            endpoints.GatewayPort = silo.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(host, silo.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(host, silo.GatewayPort);
        });
        orleans.AddRedisCheckpointStorage(redis);
        return orleans;
    }
}
