namespace GbaSim.Engine.Scenarios;

/// <summary>A scenario (or the world it names) is invalid; nothing runs. Carries every error found.</summary>
public sealed class ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
