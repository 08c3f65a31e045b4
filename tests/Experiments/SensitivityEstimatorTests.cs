using GbaSim.Engine.Sensitivity;

namespace GbaSim.Tests.Experiments;

/// <summary>The Morris and Sobol estimators against test functions whose indices are known analytically.</summary>
public sealed class SensitivityEstimatorTests
{
    [Fact]
    public void Morris_gives_a_linear_functions_coefficients_with_no_spread()
    {
        double[] coefficients = [5, -2, 0.5, 0];
        var design = new MorrisDesign(coefficients.Length, trajectories: 10, seed: 3);
        var outputs = design.Points.Select(x => x.Zip(coefficients, (xi, a) => a * xi).Sum()).ToArray();

        var indices = design.ElementaryEffects(outputs).Select(e => MorrisIndices.Of(e)).ToArray();

        Assert.Equal([5, 2, 0.5, 0], indices.Select(i => Math.Round(i.MuStar.Value, 9)));
        Assert.Equal([5, -2, 0.5, 0], indices.Select(i => Math.Round(i.Mu, 9)));
        Assert.All(indices, i => Assert.Equal(0, i.Sigma.Value, 9));
    }

    [Fact]
    public void Morris_trajectories_move_each_factor_once_by_delta_on_the_grid()
    {
        var design = new MorrisDesign(factors: 5, trajectories: 4, seed: 11);

        Assert.Equal(4 * 6, design.Points.Count);
        Assert.All(design.Points.SelectMany(p => p), x => Assert.Contains(Math.Round(x * 3, 9), new[] { 0.0, 1, 2, 3 }));
        for (var t = 0; t < 4; t++)
        {
            var moved = design.Moved.Skip(t * 6 + 1).Take(5).Order();
            Assert.Equal([0, 1, 2, 3, 4], moved);
        }
    }

    [Fact]
    public void Morris_sees_interactions_as_spread()
    {
        // y = x0 * x1: neither effect is constant, so both have sigma above zero; x2 does nothing.
        var design = new MorrisDesign(3, trajectories: 20, seed: 5);
        var outputs = design.Points.Select(x => x[0] * x[1]).ToArray();

        var indices = design.ElementaryEffects(outputs).Select(e => MorrisIndices.Of(e)).ToArray();

        Assert.True(indices[0].Sigma.Value > 0.1 && indices[1].Sigma.Value > 0.1);
        Assert.Equal(0, indices[2].MuStar.Value);
        Assert.True(indices[0].MuStar.Low <= indices[0].MuStar.Value && indices[0].MuStar.Value <= indices[0].MuStar.High);
    }

    /// <summary>
    /// Ishigami's function with a = 7, b = 0.1 on [-π, π]^3: S = (0.3139, 0.4424, 0) and
    /// ST = (0.5576, 0.4424, 0.2437) (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008).
    /// </summary>
    [Fact]
    public void Sobol_recovers_the_Ishigami_functions_indices()
    {
        var design = new SobolDesign(3, baseSamples: 20_000, seed: 7);
        var outputs = design.Points.Select(u =>
        {
            var x = u.Select(v => -Math.PI + 2 * Math.PI * v).ToArray();
            return Math.Sin(x[0]) + 7 * Math.Pow(Math.Sin(x[1]), 2) + 0.1 * Math.Pow(x[2], 4) * Math.Sin(x[0]);
        }).ToArray();

        var indices = design.Analyse(outputs);

        Assert.Equal(0.3139, indices[0].First.Value, 0.04);
        Assert.Equal(0.4424, indices[1].First.Value, 0.04);
        Assert.Equal(0.0, indices[2].First.Value, 0.04);
        Assert.Equal(0.5576, indices[0].Total.Value, 0.04);
        Assert.Equal(0.4424, indices[1].Total.Value, 0.04);
        Assert.Equal(0.2437, indices[2].Total.Value, 0.04);
        Assert.All(indices, i => Assert.True(i.Total.Low < i.Total.Value && i.Total.Value < i.Total.High));
    }

    [Fact]
    public void Sobol_design_swaps_one_column_of_A_for_B_per_factor()
    {
        var design = new SobolDesign(2, baseSamples: 3, seed: 1);

        Assert.Equal(3 * (2 + 2), design.Points.Count);
        var a = design.Points.Take(3).ToArray();
        var b = design.Points.Skip(3).Take(3).ToArray();
        var ab1 = design.Points.Skip(9).Take(3).ToArray();
        Assert.All(Enumerable.Range(0, 3), j => Assert.Equal([a[j][0], b[j][1]], ab1[j]));
    }
}
