using System.Net;
using System.Net.Sockets;

namespace GbaSim.Silo.Hosting;

/// <summary>Gives a silo asked for port 0 a free one before Orleans starts, since Orleans must advertise its ports to the cluster and cannot take what the system picks.</summary>
public static class FreePorts
{
    public static void Assign(SiloOptions silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var host = IPAddress.Parse(silo.Host);
        // Both listeners stay open until both ports are known, so the two cannot be the same port.
        using var siloListener = silo.SiloPort == 0 ? Listen(host) : null;
        using var gatewayListener = silo.GatewayPort == 0 ? Listen(host) : null;
        silo.SiloPort = siloListener is null ? silo.SiloPort : ((IPEndPoint)siloListener.LocalEndPoint!).Port;
        silo.GatewayPort = gatewayListener is null ? silo.GatewayPort : ((IPEndPoint)gatewayListener.LocalEndPoint!).Port;
    }

    private static Socket Listen(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen();
        return socket;
    }
}
