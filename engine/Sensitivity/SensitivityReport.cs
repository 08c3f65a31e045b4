namespace GbaSim.Engine.Sensitivity;

/// <summary>A sensitivity analysis: for each output figure, every factor ranked by its index.</summary>
/// <param name="Runs">Runs made: design points times replications.</param>
/// <param name="Skipped">Outputs left out, with why (e.g. a figure some run did not produce).</param>
public sealed record SensitivityReport(
    string Scenario,
    string Method,
    int Replications,
    int Points,
    int Runs,
    IReadOnlyList<SensitivityFactor> Factors,
    IReadOnlyList<OutputSensitivity> Outputs,
    IReadOnlyList<string> Skipped);

/// <summary>One output figure's indices, most influential factor first.</summary>
/// <param name="Mean">The output's mean over all runs.</param>
public sealed record OutputSensitivity(string Output, double Mean, double StandardDeviation, IReadOnlyList<FactorIndex> Ranking);

/// <summary>
/// A factor's indices for one output: Morris's μ*, μ and σ (in output units per full range of the
/// factor), or Sobol's first-order and total indices (shares of the output's variance).
/// </summary>
/// <param name="Rank">1 for the most influential factor: by μ* (Morris) or by total index (Sobol).</param>
public sealed record FactorIndex(string Factor, int Rank, Estimate? MuStar = null, double? Mu = null, Estimate? Sigma = null, Estimate? First = null, Estimate? Total = null);
