namespace GbaSim.Client.Connection;

/// <summary>No silo's gateway answered at the address the user named.</summary>
public sealed class SiloUnreachableException(string address, string reason)
    : Exception($"No silo answers at {address}: {reason}")
{
    public string Address { get; } = address;
}
