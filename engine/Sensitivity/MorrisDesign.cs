using MathNet.Numerics.Random;

namespace GbaSim.Engine.Sensitivity;

/// <summary>
/// Morris's elementary-effects design in the unit cube: each trajectory starts at a random point
/// of a p-level grid and moves one factor at a time by Δ = p / (2(p − 1)), in random order, up
/// where the grid allows and down otherwise, so k factors cost k + 1 points per trajectory.
/// </summary>
public sealed class MorrisDesign
{
    /// <summary>Grid levels per factor; four is the usual choice (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008).</summary>
    public const int Levels = 4;

    public static double Delta => Levels / (2.0 * (Levels - 1));

    public MorrisDesign(int factors, int trajectories, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        Factors = factors;
        Trajectories = trajectories;
        var random = new MersenneTwister(seed);
        var points = new List<double[]>();
        var moved = new List<int>();
        for (var t = 0; t < trajectories; t++)
        {
            var x = Enumerable.Range(0, factors).Select(_ => random.Next(Levels) / (double)(Levels - 1)).ToArray();
            points.Add(x);
            moved.Add(-1);
            foreach (var factor in Enumerable.Range(0, factors).OrderBy(_ => random.Next()))
            {
                x = (double[])x.Clone();
                x[factor] = x[factor] + Delta <= 1 + 1e-12 ? x[factor] + Delta : x[factor] - Delta;
                points.Add(x);
                moved.Add(factor);
            }
        }
        Points = points;
        Moved = moved;
    }

    public int Factors { get; }

    public int Trajectories { get; }

    /// <summary>Every point, trajectory by trajectory: k + 1 points each.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>For each point, the factor it moved from the point before (-1 for a trajectory's start).</summary>
    public IReadOnlyList<int> Moved { get; }

    /// <summary>The elementary effects of each factor, one per trajectory: the change in output per unit of the factor's normalised range.</summary>
    public double[][] ElementaryEffects(IReadOnlyList<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count != Points.Count)
        {
            throw new ArgumentException($"The design has {Points.Count} points, not {outputs.Count}.", nameof(outputs));
        }
        var effects = Enumerable.Range(0, Factors).Select(_ => new double[Trajectories]).ToArray();
        for (var p = 0; p < Points.Count; p++)
        {
            if (Moved[p] is var factor and >= 0)
            {
                effects[factor][p / (Factors + 1)] = (outputs[p] - outputs[p - 1]) / (Points[p][factor] - Points[p - 1][factor]);
            }
        }
        return effects;
    }
}
