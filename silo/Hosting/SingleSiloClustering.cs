using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Orleans.Configuration;

namespace GbaSim.Silo.Hosting;

/// <summary>
/// How the <c>gbasim-silo</c> process forms its one-silo cluster. On loopback (the default) it is
/// Orleans's localhost clustering. Bound to another address, membership and the silo-to-silo port
/// still listen on loopback only (no other silo joins, and nothing else may speak to it as a
/// peer), while the gateway, where clients connect, listens on <see cref="SiloOptions.Host"/> and
/// advertises <see cref="AdvertisedAddress"/>, the address clients name in <c>--silo</c> (Orleans's
/// gateway takes a client's calls to its own system targets only at the address it advertises).
/// </summary>
public static class SingleSiloClustering
{
    public static ISiloBuilder UseSingleSiloClustering(this ISiloBuilder orleans, SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        ArgumentNullException.ThrowIfNull(silo);
        var host = IPAddress.Parse(silo.Host);
        if (IPAddress.IsLoopback(host))
        {
            return orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: GbaSim.Contracts.ClusterIdentity.ServiceId, clusterId: silo.ClusterId);
        }
        var advertised = AdvertisedAddress(silo);
        orleans.UseDevelopmentClustering(new IPEndPoint(advertised, silo.SiloPort));
        orleans.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = advertised;
            endpoints.SiloPort = silo.SiloPort;
            endpoints.GatewayPort = silo.GatewayPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(host.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, silo.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(host, silo.GatewayPort);
        });
        return orleans;
    }

    /// <summary>
    /// The address the gateway advertises: <see cref="SiloOptions.AdvertisedAddress"/> when set, else
    /// <see cref="SiloOptions.Host"/> when it is one address, else this machine's first address on a
    /// network interface that is up (IPv4 first), else loopback.
    /// </summary>
    public static IPAddress AdvertisedAddress(SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (IPAddress.TryParse(silo.AdvertisedAddress, out var configured))
        {
            return configured;
        }
        var host = IPAddress.Parse(silo.Host);
        if (!host.Equals(IPAddress.Any) && !host.Equals(IPAddress.IPv6Any))
        {
            return host;
        }
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .ToArray();
        return addresses.FirstOrDefault() ?? IPAddress.Loopback;
    }
}
