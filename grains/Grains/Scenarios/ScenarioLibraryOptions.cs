namespace GbaSim.Grains.Scenarios;

/// <summary>Where a silo's scenario library is.</summary>
public sealed class ScenarioLibraryOptions
{
    /// <summary>The folder of scenario files; relative paths are relative to the working directory. Default: <c>scenarios</c>.</summary>
    public string Folder { get; set; } = "scenarios";
}
