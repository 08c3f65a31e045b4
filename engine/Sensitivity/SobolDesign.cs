using MathNet.Numerics.Random;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Saltelli's sampling for Sobol indices in the unit cube: two independent N × k samples A and B
/// and, for each factor i, A with its column i taken from B (AB_i); N(k + 2) points in all,
/// laid out as A, B, AB_1, ..., AB_k (Saltelli et al. 2010, Computer Physics Communications 181).
/// </summary>
public sealed class SobolDesign
{
    public SobolDesign(int factors, int baseSamples, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        Factors = factors;
        BaseSamples = baseSamples;
        var random = new MersenneTwister(seed);
        var a = Enumerable.Range(0, baseSamples).Select(_ => Enumerable.Range(0, factors).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var b = Enumerable.Range(0, baseSamples).Select(_ => Enumerable.Range(0, factors).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var points = new List<double[]>(a.Concat(b));
        for (var i = 0; i < factors; i++)
        {
            points.AddRange(a.Zip(b, (rowA, rowB) =>
            {
                var mixed = (double[])rowA.Clone();
                mixed[i] = rowB[i];
                return mixed;
            }));
        }
        Points = points;
    }

    public int Factors { get; }

    public int BaseSamples { get; }

    /// <summary>A, then B, then each AB_i: N(k + 2) points.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>First-order and total indices of every factor from the outputs at <see cref="Points"/>.</summary>
    public IReadOnlyList<SobolIndices> Analyse(IReadOnlyList<double> outputs, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count != Points.Count)
        {
            throw new ArgumentException($"The design has {Points.Count} points, not {outputs.Count}.", nameof(outputs));
        }
        var n = BaseSamples;
        var fa = outputs.Take(n).ToArray();
        var fb = outputs.Skip(n).Take(n).ToArray();
        return Enumerable.Range(0, Factors)
            .Select(i => SobolIndices.Of(fa, fb, outputs.Skip((2 + i) * n).Take(n).ToArray(), seed))
            .ToArray();
    }
}
