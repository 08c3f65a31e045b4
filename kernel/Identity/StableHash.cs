using System.Runtime.CompilerServices;

namespace GbaSim.Kernel.Identity;

/// <summary>
/// Hash functions whose values never change between processes, machines or .NET versions,
/// because shard placement and random streams are derived from them.
/// </summary>
public static class StableHash
{
    /// <summary>The finaliser of MurmurHash3: a bijective avalanche of 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>FNV-1a over the UTF-16 code units, then mixed, so short strings still spread.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = 0xcbf29ce484222325UL;
        foreach (var c in text)
        {
            h ^= c;
            h *= 0x100000001b3UL;
        }
        return Mix(h);
    }

    /// <summary>Combines two hashes order-sensitively.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b + 0x9e3779b97f4a7c15UL + (a << 6) + (a >> 2)));
}
