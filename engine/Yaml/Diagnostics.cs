using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Yaml;

/// <summary>
/// Collects the errors found while reading scenario and world files, so that one run of the
/// loader reports all of them instead of stopping at the first.
/// </summary>
internal sealed class Diagnostics
{
    private readonly List<ScenarioError> _errors = [];

    public int Count => _errors.Count;

    public void Add(SourceLocation location, string message, string? hint = null) =>
        _errors.Add(new ScenarioError(location, message, hint));

    /// <summary>The errors by file, line and column; the same error found twice is reported once.</summary>
    public IReadOnlyList<ScenarioError> Sorted() => _errors
        .Distinct()
        .OrderBy(e => e.Location.File, StringComparer.Ordinal)
        .ThenBy(e => e.Location.Line)
        .ThenBy(e => e.Location.Column)
        .ToArray();

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ScenarioValidationException(Sorted());
        }
    }
}
