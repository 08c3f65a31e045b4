using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;
using GbaSim.Model.World;

namespace GbaSim.Engine.Worlds;

/// <summary>
/// Reads a world file (docs/scenario-format.md): cities, institutions, links between cities,
/// zones' own links, corridors and overrides of model parameters. Every problem found is reported with its file, line and column
/// in one <see cref="ScenarioValidationException"/>.
/// </summary>
public static class WorldLoader
{
    internal static readonly string[] Keys = ["name", "parameters", "cities", "institutions", "links", "zoneLinks", "corridors"];

    public static WorldDefinition Load(string path) => Load(path, ScenarioFiles.Around(path));

    /// <summary>Reads a world file through <paramref name="files"/> (which keeps it to a folder, a size and a time).</summary>
    public static WorldDefinition Load(string path, ScenarioFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        var world = SourceFile.Read(files, fullPath, path, "world file", new SourceLocation(fullPath, 1, 1), diagnostics) is { } read
            ? Parse(read.Text!, fullPath, diagnostics)
            : null;
        diagnostics.ThrowIfAny();
        return world!;
    }

    /// <summary>Reads a world from text; <paramref name="path"/> is the file named in messages.</summary>
    public static WorldDefinition Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new Diagnostics();
        var world = Parse(text, Path.GetFullPath(path), diagnostics);
        diagnostics.ThrowIfAny();
        return world!;
    }

    /// <summary>Reads the world a scenario names, reporting a file that cannot be read at <paramref name="namedAt"/> (the scenario's <c>world:</c> value).</summary>
    internal static WorldDefinition? Read(ScenarioFiles files, FileReference world, SourceLocation namedAt, Diagnostics diagnostics) =>
        SourceFile.Read(files, world.FullPath, world.Written, "world file", namedAt, diagnostics) is { } read ? Parse(read.Text!, read.Path, diagnostics) : null;

    /// <summary>The world, or null when the file has errors (all of them recorded).</summary>
    internal static WorldDefinition? Parse(string text, string fullPath, Diagnostics diagnostics)
    {
        var errorsBefore = diagnostics.Count;
        if (YamlText.Parse(text, fullPath, diagnostics) is not { } root)
        {
            return null;
        }
        var reader = new YamlReader(fullPath, diagnostics);
        if (reader.Mapping(root, "a world file") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the world", Keys);
        var name = fields.String("name", required: true);
        var parameters = ModelParameterReader.Read(reader, fields.Mapping("parameters"));
        var cities = fields.Required("cities") is { } citiesNode ? CityReader.ReadAll(reader, citiesNode) : [];
        var institutions = fields.Node("institutions") is { } institutionsNode ? InstitutionReader.ReadAll(reader, institutionsNode) : [];
        var links = fields.Node("links") is { } linksNode ? LinkReader.ReadAll(reader, linksNode) : [];
        // Left out, they stay null, as a world built in code without them is.
        var zoneLinks = fields.Node("zoneLinks") is { } zoneLinksNode ? ZoneLinkReader.ReadAll(reader, zoneLinksNode) : null;
        var corridors = fields.Node("corridors") is { } corridorsNode ? CorridorReader.ReadAll(reader, corridorsNode) : null;
        CorridorReader.CheckLinks(reader, fields.Node("links"), corridors ?? []);
        return diagnostics.Count == errorsBefore && name is { } n
            ? new WorldDefinition(n.Value, cities, institutions, links, parameters, zoneLinks, corridors)
            : null;
    }
}
