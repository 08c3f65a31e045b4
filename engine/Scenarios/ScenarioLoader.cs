using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Reads a scenario file (docs/scenario-format.md), follows its <c>extends</c> chain, loads its
/// world and checks everything, reporting every problem found, each at the file, line and column
/// where the offending value was written, in one <see cref="ScenarioValidationException"/>.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioDefinition Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        var text = SourceFile.Read(fullPath, "scenario file", namedAt: null, diagnostics);
        diagnostics.ThrowIfAny();
        return Parse(text!, fullPath);
    }

    /// <summary>Reads a scenario from text; <paramref name="path"/> names it in messages and anchors its relative paths.</summary>
    public static ScenarioDefinition Parse(string text, string path)
    {
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        // A broken extends chain gives null: the merged scenario would lack what the unread file gives, so checking it would only add noise.
        var scenario = ReadChain(text, fullPath, [fullPath], diagnostics);
        var world = scenario?.World is { } worldPath ? WorldLoader.Read(worldPath.Value, worldPath.Location, diagnostics) : null;
        var definition = scenario is null ? null : ScenarioBuilder.Build(scenario, world, text, diagnostics);
        diagnostics.ThrowIfAny();
        return definition!;
    }

    /// <summary>
    /// One file merged over the files it extends, or null when a file of the chain could not be
    /// read (errors recorded); <paramref name="chain"/> holds the files being read, to catch cycles.
    /// </summary>
    private static ScenarioDraft? ReadChain(string text, string fullPath, List<string> chain, Diagnostics diagnostics)
    {
        if (ScenarioFileReader.Read(text, fullPath, diagnostics) is not { } file)
        {
            return null;
        }
        if (file.Extends is not { } extends)
        {
            // An 'extends' with a bad value (reported) breaks the chain as surely as a missing file.
            return file.Written.Contains("extends") ? null : file;
        }
        if (chain.Contains(extends.Value, SourceFile.PathComparer))
        {
            var directory = Path.GetDirectoryName(chain[0]) ?? ".";
            var cycle = chain.SkipWhile(p => !SourceFile.PathComparer.Equals(p, extends.Value)).Append(extends.Value);
            diagnostics.Add(extends.Location, $"'extends' makes a cycle: {string.Join(" -> ", cycle.Select(p => Path.GetRelativePath(directory, p)))}");
            return null;
        }
        if (SourceFile.Read(extends.Value, "extended scenario file", extends.Location, diagnostics) is not { } parentText)
        {
            return null;
        }
        chain.Add(extends.Value);
        var parent = ReadChain(parentText, extends.Value, chain, diagnostics);
        chain.RemoveAt(chain.Count - 1);
        return parent is null ? null : file.Over(parent);
    }
}
