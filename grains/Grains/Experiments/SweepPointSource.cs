using GbaSim.Engine.Experiments;
using GbaSim.Engine.Scenarios;

namespace GbaSim.Grains.Experiments;

/// <summary>Where a sweep point's generated file sits: beside the swept file in the library, so its <c>extends</c> resolves.</summary>
public static class SweepPointSource
{
    public static (string Text, string? Path) For(ScenarioDefinition point, ScenarioSource swept)
    {
        var changed = point.Policies.Select(p => p.Name).ToArray();
        var directory = swept.PathInLibrary is { } inLibrary ? Path.GetDirectoryName(inLibrary)?.Replace('\\', '/') : null;
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(swept);
        var name = new string(point.Name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()) + ".yaml";
        var path = string.IsNullOrEmpty(directory) ? name : $"{directory}/{name}";
        return (Engine.Experiments.SweepPointYaml.Write(point, Path.GetFileName(swept.FullPath), changed), path);
    }
}
