using System.Globalization;
using System.Net;

namespace GbaSim.Client.Connection;

/// <summary>A silo's Orleans gateway as people write it: <c>HOST:PORT</c>, such as <c>localhost:30000</c>.</summary>
public sealed record GatewayAddress(string Host, int Port)
{
    public static readonly GatewayAddress Default = new("localhost", 30000);

    public static GatewayAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (text.Contains("://", StringComparison.Ordinal) || colon <= 0
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"'{text}' is not a silo gateway; write HOST:GATEWAYPORT, e.g. localhost:30000.");
        }
        return new GatewayAddress(text[..colon].Trim('[', ']'), port);
    }

    /// <summary>The endpoint to dial; names resolve to their first address, IPv4 preferred.</summary>
    public async Task<IPEndPoint> ResolveAsync(CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(Host, out var literal))
        {
            return new IPEndPoint(literal, Port);
        }
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(Host, cancellationToken);
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new SiloUnreachableException(ToString(), $"the name '{Host}' has no address.");
            return new IPEndPoint(chosen, Port);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new SiloUnreachableException(ToString(), $"the name '{Host}' does not resolve ({ex.Message}).");
        }
    }

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
