using System.Runtime.InteropServices;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Sharding;

/// <summary>A shard's <see cref="StateDigest"/> as it travels to the run grain: identities as raw bytes beside the state records.</summary>
[GenerateSerializer, Immutable, Alias("gbasim.ShardDigest")]
public sealed record ShardDigest(byte[] Actors, int[] Ends, byte[] Bytes)
{
    public static ShardDigest From(StateDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new ShardDigest(MemoryMarshal.AsBytes(digest.Actors.AsSpan()).ToArray(), digest.Ends, digest.Bytes);
    }

    public StateDigest ToDigest() => new(MemoryMarshal.Cast<byte, ActorId>(Actors).ToArray(), Ends, Bytes);
}
