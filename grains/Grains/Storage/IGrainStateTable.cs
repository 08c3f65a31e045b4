namespace GbaSim.Grains.Storage;

/// <summary>
/// Grain states kept in the results store, for Orleans grain persistence on a silo (or cluster)
/// that has no other state store: shard checkpoints live beside the runs they belong to.
/// </summary>
public interface IGrainStateTable
{
    /// <summary>The state stored for a grain under <paramref name="stateName"/>, or null if none.</summary>
    StoredGrainState? ReadGrainState(string stateName, string grainId);

    /// <summary>
    /// Stores a state if the stored one still has <paramref name="expectedETag"/> (null: none is
    /// stored) and returns the new tag; throws <see cref="GrainStateConflictException"/> otherwise.
    /// </summary>
    string WriteGrainState(string stateName, string grainId, byte[] data, string? expectedETag);

    /// <summary>Removes a stored state under the same tag rule as <see cref="WriteGrainState"/>.</summary>
    void ClearGrainState(string stateName, string grainId, string? expectedETag);

    /// <summary>Removes every state of grains whose id starts with <paramref name="grainIdPrefix"/> (a run's shards).</summary>
    int ClearGrainStates(string stateName, string grainIdPrefix);
}
