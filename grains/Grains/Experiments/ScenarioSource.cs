namespace GbaSim.Grains.Experiments;

/// <summary>
/// A scenario as an experiment submits it: its file's full path (which its definition's
/// <c>SourcePath</c> names), its YAML, and its path in the silo's library when it lies there, so
/// that the silo resolves its <c>extends</c> and <c>world</c> as the file does.
/// </summary>
public sealed record ScenarioSource(string FullPath, string Text, string? PathInLibrary);
