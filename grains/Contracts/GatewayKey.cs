namespace GbaSim.Contracts;

/// <summary>
/// How a client presents a silo's API key to its Orleans gateway: as a <c>RequestContext</c> entry
/// under <see cref="RequestContextKey"/>, set on every call by the client's outgoing call filter
/// and checked by the silo's incoming call filter.
/// </summary>
public static class GatewayKey
{
    public const string RequestContextKey = "gbasim.api-key";

    /// <summary>Where <c>gbasim</c> reads the key it presents.</summary>
    public const string EnvironmentVariable = "GBASIM_API_KEY";
}
