namespace GbaSim.Grains.Storage;

/// <summary>A grain's persisted state as a store of GbaSim's own keeps it: the serialized state and its version tag.</summary>
public sealed record StoredGrainState(byte[] Data, string ETag);
