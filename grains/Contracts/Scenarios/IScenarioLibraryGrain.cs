namespace GbaSim.Contracts.Scenarios;

/// <summary>The silo's scenario library: what it holds, and whether a scenario is valid there. Stateless: any silo answers.</summary>
[Alias("gbasim.IScenarioLibraryGrain")]
public interface IScenarioLibraryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<ScenarioInfo>> List();

    /// <summary>Validates YAML read as the library file <paramref name="path"/>; throws <see cref="RequestRejectedException"/> with every error when invalid.</summary>
    [Alias("Validate")]
    Task<ValidationInfo> Validate(string text, string? path);
}
