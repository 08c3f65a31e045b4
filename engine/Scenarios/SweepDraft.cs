using GbaSim.Engine.Yaml;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// A file's <c>sweep:</c> as written: the axes that could be read, before the merged scenario's
/// policies are known. Axes with errors (already reported) are left out.
/// </summary>
/// <param name="Location">Where the <c>sweep</c> list starts.</param>
internal sealed record SweepDraft(SourceLocation Location, IReadOnlyList<SweepAxisDraft> Axes);

/// <summary>
/// One axis as written. <paramref name="Values"/> are the values in order, each located where it
/// was written; a range's points are already expanded, the first located at its <c>from</c> and
/// the others at its <c>to</c>.
/// </summary>
/// <param name="Location">Where the axis's mapping starts.</param>
/// <param name="Policy">The policy whose parameter varies; null for a model parameter (<c>parameters.NAME</c>).</param>
/// <param name="IsRange">Whether the values come from a <c>range</c>: increasing, so only the first and last need a range check.</param>
internal sealed record SweepAxisDraft(
    SourceLocation Location,
    Located<string>? Policy,
    Located<string> Parameter,
    IReadOnlyList<Located<double>> Values,
    bool IsRange);
