using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbaSim.Kernel.Identity;

/// <summary>
/// The identity of an actor: its type and a 64-bit key. Actors address each other only by
/// identity; which shard holds an actor follows from <see cref="Hash"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct ActorId : IEquatable<ActorId>, IComparable<ActorId>
{
    public ActorId(ActorType type, long key)
    {
        Type = type;
        Key = key;
    }

    public ActorType Type { get; }

    public long Key { get; }

    /// <summary>The sender of messages posted by the host rather than by an actor.</summary>
    public static ActorId System => default;

    /// <summary>An actor keyed by a name, such as <c>city/Shenzhen</c>; the key is the name's stable hash.</summary>
    public static ActorId FromName(ActorType type, string name) => new(type, (long)StableHash.Of(name));

    /// <summary>The stable 64-bit hash of the identity, the same in every process.</summary>
    public ulong Hash
    {
        // Inlined by force: it is worked out for every envelope sent and delivered, and as a call it cost 7% of a step.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => StableHash.Mix((ulong)Key + ((uint)Type.Code * 0x9e3779b97f4a7c15UL));
    }

    /// <summary>The shard among <paramref name="shards"/> that hosts this actor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ShardOf(int shards) => (int)Math.BigMul(Hash, (ulong)shards, out _);

    public bool Equals(ActorId other) => Key == other.Key && Type.Code == other.Type.Code;

    public override bool Equals(object? obj) => obj is ActorId other && Equals(other);

    public override int GetHashCode() => (int)Hash;

    /// <summary>Canonical order: by type code, then by key.</summary>
    public int CompareTo(ActorId other)
    {
        var byType = Type.Code.CompareTo(other.Type.Code);
        return byType != 0 ? byType : Key.CompareTo(other.Key);
    }

    public static bool operator ==(ActorId left, ActorId right) => left.Equals(right);

    public static bool operator !=(ActorId left, ActorId right) => !left.Equals(right);

    public static bool operator <(ActorId left, ActorId right) => left.CompareTo(right) < 0;

    public static bool operator >(ActorId left, ActorId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ActorId left, ActorId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ActorId left, ActorId right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Type}/{Key}";
}
