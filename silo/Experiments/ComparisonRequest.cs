namespace GbaSim.Silo.Experiments;

/// <summary>
/// A scenario of a comparison: a file of the silo's library by <paramref name="Path"/>, or
/// <paramref name="Text"/> (YAML edited in the dashboard) read as though it were that file, so
/// that its <c>extends</c> and <c>world</c> resolve beside it.
/// </summary>
public sealed record ComparisonScenario(string Path, string? Text = null);

/// <summary>
/// What <c>POST /api/comparisons/jobs</c> takes: as <c>gbasim compare</c>, a baseline, one or
/// more variants (a variant with a <c>sweep:</c> section counts once per point), replications
/// (2 to 100 here), an optional firm sample scale and an optional fork month (YYYY-MM).
/// </summary>
public sealed record ComparisonRequest(ComparisonScenario Baseline, IReadOnlyList<ComparisonScenario> Variants, int Replications, double? Scale = null, string? ForkAt = null);
