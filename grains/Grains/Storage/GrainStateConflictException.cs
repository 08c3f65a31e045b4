namespace GbaSim.Grains.Storage;

/// <summary>A grain state was written or cleared under a version tag that is no longer the stored one.</summary>
public sealed class GrainStateConflictException(string stateName, string grainId, string? expected, string? stored)
    : Exception($"The stored state {stateName} of {grainId} has tag {stored ?? "(none)"}, not {expected ?? "(none)"}.")
{
    public string? StoredETag { get; } = stored;
}
