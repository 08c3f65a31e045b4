namespace GbaSim.Engine.Scenarios;

/// <summary>One problem in a scenario or world file: where, what, and how to fix it.</summary>
public sealed record ScenarioError(SourceLocation Location, string Message, string? Hint = null)
{
    public override string ToString() => Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message} ({Hint})";
}
