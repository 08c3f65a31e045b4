using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Determinism;

/// <summary>
/// An actor's random stream for one step: SplitMix64 started from a state derived from
/// (scenario seed, step, actor identity). Because the seed names the stream, an actor draws the
/// same numbers whichever thread or shard runs it, and two policy variants run with the
/// same seed share their random numbers (common random numbers). SplitMix64 passes BigCrush and
/// costs one multiply-mix to start, which matters when millions of actors draw every step.
/// </summary>
public struct RandomStream
{
    private const ulong Gamma = 0x9e3779b97f4a7c15UL;
    private ulong _state;

    public RandomStream(ulong seed, ActorId actor, long step)
        : this(StepSeed(seed, step), actor)
    {
    }

    /// <summary>A stream for a purpose other than an actor's turn, such as generating the world.</summary>
    public RandomStream(ulong seed, ulong stream) => _state = StableHash.Mix(StableHash.Mix(seed) ^ StableHash.Mix(stream + Gamma));

    internal RandomStream(ulong stepSeed, ActorId actor) => _state = StableHash.Mix(stepSeed ^ actor.Hash);

    /// <summary>The part of a stream's seed shared by every actor in a step, computed once per step.</summary>
    internal static ulong StepSeed(ulong seed, long step) => StableHash.Mix(StableHash.Mix(seed) + ((ulong)step * 0xd1b54a32d192ed03UL));

    public ulong NextUInt64()
    {
        var z = _state += Gamma;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
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
        var product = (ulong)(uint)(NextUInt64() >> 32) * (uint)bound;
        if ((uint)product < (uint)bound)
        {
            var threshold = (uint)(-bound) % (uint)bound;
            while ((uint)product < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * (uint)bound;
            }
        }
        return (int)(product >> 32);
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
}
