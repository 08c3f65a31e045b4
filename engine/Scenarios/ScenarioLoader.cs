using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Reads a scenario file (docs/scenario-format.md), follows its <c>extends</c> chain, loads its
/// world and checks everything, reporting every problem found, each at the file, line and column
/// where the offending value was written, in one <see cref="ScenarioValidationException"/>.
/// Every file is read through a <see cref="ScenarioFiles"/>, which keeps the chain and the world
/// inside one folder; without one, that is the scenario library the file sits in (or its folder).
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioDefinition Load(string path) => Load(path, ScenarioFiles.Around(path));

    public static ScenarioDefinition Load(string path, ScenarioFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        var read = SourceFile.Read(files, fullPath, path, "scenario file", new SourceLocation(fullPath, 1, 1), diagnostics);
        diagnostics.ThrowIfAny();
        return Parse(read!.Value.Text!, fullPath, files);
    }

    /// <summary>Reads a scenario from text; <paramref name="path"/> names it in messages and anchors its relative paths.</summary>
    public static ScenarioDefinition Parse(string text, string path) => Parse(text, path, ScenarioFiles.Around(path));

    /// <summary>Reads a scenario from text as though it were the file <paramref name="path"/>, reading the files it names through <paramref name="files"/>.</summary>
    public static ScenarioDefinition Parse(string text, string path, ScenarioFiles files)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(files);
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        // A broken extends chain gives null: the merged scenario would lack what the unread file gives, so checking it would only add noise.
        var scenario = ReadChain(text, fullPath, [files.Locate(fullPath)], files, diagnostics);
        var world = scenario?.World is { } worldPath ? WorldLoader.Read(files, worldPath.Value, worldPath.Location, diagnostics) : null;
        var definition = scenario is null ? null : ScenarioBuilder.Build(scenario, world, text, diagnostics);
        diagnostics.ThrowIfAny();
        return definition!;
    }

    /// <summary>
    /// One file merged over the files it extends, or null when a file of the chain could not be
    /// read (errors recorded); <paramref name="chain"/> holds the real paths of the files being
    /// read, to catch cycles (through links, too).
    /// </summary>
    private static ScenarioDraft? ReadChain(string text, string fullPath, List<string> chain, ScenarioFiles files, Diagnostics diagnostics)
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
        var parentPath = files.Locate(extends.Value.FullPath);
        if (chain.Contains(parentPath, SourceFile.PathComparer))
        {
            var directory = Path.GetDirectoryName(chain[0]) ?? ".";
            var cycle = chain.SkipWhile(p => !SourceFile.PathComparer.Equals(p, parentPath)).Append(parentPath);
            diagnostics.Add(extends.Location, $"'extends' makes a cycle: {string.Join(" -> ", cycle.Select(p => Path.GetRelativePath(directory, p)))}");
            return null;
        }
        if (SourceFile.Read(files, extends.Value.FullPath, extends.Value.Written, "extended scenario file", extends.Location, diagnostics) is not { } parent)
        {
            return null;
        }
        chain.Add(parentPath);
        var merged = ReadChain(parent.Text!, parent.Path, chain, files, diagnostics);
        chain.RemoveAt(chain.Count - 1);
        return merged is null ? null : file.Over(merged);
    }
}
