using GbaSim.Silo.Api;

namespace GbaSim.Client.Connection;

/// <summary>The silo answered with a problem: its status, its explanation and, for invalid scenarios, every error.</summary>
public sealed class SiloProblemException(int status, string title, string detail, IReadOnlyList<ScenarioErrorInfo> errors)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyList<ScenarioErrorInfo> Errors { get; } = errors;
}

/// <summary>No silo answered at the address the user named.</summary>
public sealed class SiloUnreachableException(Uri address, string reason)
    : Exception($"No silo answers at {address}: {reason}")
{
    public Uri Address { get; } = address;
}
