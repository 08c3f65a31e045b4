using GbaSim.Runtime.Identity;

namespace GbaSim.Runtime.Determinism;

/// <summary>
/// A grain's random stream for one step: xoshiro256** seeded from (scenario seed, grain
/// identity, step). Because the seed names the stream, a grain draws the same numbers
/// whichever thread or partition runs it, and two policy variants that run with the same
/// seed share their random numbers (common random numbers).
/// </summary>
public struct GrainRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public GrainRandom(ulong seed, GrainId grain, long step)
    {
        var x = StableHash.Combine(StableHash.Combine(StableHash.Mix(seed), grain.Hash), (ulong)step);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A stream for a purpose other than a grain's turn, such as generating the world.</summary>
    public GrainRandom(ulong seed, ulong stream)
        : this(seed, new GrainId(GrainType.System, (long)stream), -1)
    {
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="bound"/>), unbiased (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        }
        var threshold = (uint)(-bound) % (uint)bound;
        while (true)
        {
            var product = (ulong)(uint)(NextUInt64() >> 32) * (uint)bound;
            if ((uint)product >= threshold)
            {
                return (int)(product >> 32);
            }
        }
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) for bounds beyond the range of int.</summary>
    public long NextLong(long bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        }
        var threshold = (0UL - (ulong)bound) % (ulong)bound;
        while (true)
        {
            var high = Math.BigMul(NextUInt64(), (ulong)bound, out var low);
            if (low >= threshold)
            {
                return (long)high;
            }
        }
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A standard normal draw (Box-Muller, one of the pair).</summary>
    public double NextGaussian()
    {
        double u;
        do
        {
            u = NextDouble();
        }
        while (u <= double.Epsilon);
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9e3779b97f4a7c15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
