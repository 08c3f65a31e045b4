namespace GbaSim.Contracts;

/// <summary>The Orleans identity GbaSim silos and clients share; a client must name its silos' cluster to join it.</summary>
public static class ClusterIdentity
{
    /// <summary>The service id of every GbaSim silo and client.</summary>
    public const string ServiceId = "gbasim";

    /// <summary>The cluster id a silo takes when not told otherwise.</summary>
    public const string DefaultClusterId = "gbasim";
}
