using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Reads one scenario file into a <see cref="ScenarioDraft"/>: the checks that need nothing but
/// the file itself (syntax, keys, types, names, ranges). Checks that need the merged scenario
/// or the world are <see cref="ScenarioBuilder"/>'s.
/// </summary>
internal static class ScenarioFileReader
{
    public static readonly string[] Keys =
        ["name", "description", "extends", "seed", "start", "horizon", "end", "step", "world", "scale", "parameters", "policies", "sweep", "fork"];

    /// <summary>The keys of <c>fork:</c>.</summary>
    public static readonly string[] ForkKeys = ["at"];

    /// <summary>The longest run the model accepts, in months (a century).</summary>
    public const int MaxHorizonMonths = 1200;

    public static ScenarioDraft? Read(string text, string fullPath, Diagnostics diagnostics)
    {
        if (YamlText.Parse(text, fullPath, diagnostics) is not { } root)
        {
            return null;
        }
        var reader = new YamlReader(fullPath, diagnostics);
        if (reader.Mapping(root, "a scenario file") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the scenario", Keys);

        var name = fields.String("name");
        if (name is { } n && n.Value.Trim().Length == 0)
        {
            diagnostics.Add(n.Location, "'name' must not be empty");
        }
        var horizon = diagnostics.Within(fields.Integer("horizon"), "horizon", 1, MaxHorizonMonths);
        var end = fields.Month("end");
        if (fields.Node("horizon") is not null && end is { } e)
        {
            diagnostics.Add(e.Location, "the scenario gives both 'horizon' and 'end'; give one", "'end: YYYY-MM' is the last simulated month; 'horizon' is the number of months");
        }
        if (fields.String("step") is { } step && !string.Equals(step.Value, "month", StringComparison.Ordinal))
        {
            diagnostics.Add(step.Location, $"unsupported step '{step.Value}'", "the model steps one month at a time: write 'step: month' or leave 'step' out");
        }

        return new ScenarioDraft
        {
            FullPath = fullPath,
            Root = fields.Location,
            Name = name,
            Description = fields.String("description"),
            Extends = Reference(fields.String("extends"), "extends", fullPath, diagnostics),
            Seed = fields.Unsigned("seed"),
            Start = fields.Month("start"),
            Horizon = horizon,
            End = end,
            World = Reference(fields.String("world"), "world", fullPath, diagnostics),
            Scale = diagnostics.Within(fields.Number("scale"), "scale", new Interval(0, FirmGenerator.MaxScale, MinOpen: true)),
            Parameters = ModelParameterReader.ReadOverrides(reader, fields.Mapping("parameters")).ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal),
            Policies = fields.Node("policies") is { } policies ? PolicyReader.ReadAll(reader, policies) : [],
            Sweep = fields.Node("sweep") is { } sweep ? SweepReader.Read(reader, sweep) : null,
            Fork = ReadFork(reader, fields.Node("fork")),
            Written = Keys.Where(k => fields.Node(k) is not null).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary><c>fork: { at: YYYY-MM }</c>: the month this variant branches off its baseline's history; checked against the run by <see cref="ScenarioBuilder"/>.</summary>
    private static Located<YearMonth>? ReadFork(YamlReader reader, YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode)
        {
            reader.Error(node, $"'fork' must be a mapping of keys to values, not {YamlReader.Describe(node)}", "write 'fork: { at: YYYY-MM }'");
            return null;
        }
        return reader.Mapping(node, "'fork'") is { } mapping ? reader.Fields(mapping, "'fork'", ForkKeys).Month("at", required: true) : null;
    }

    /// <summary>Paths are written relative to the file that writes them.</summary>
    private static Located<FileReference>? Reference(Located<string>? written, string key, string fullPath, Diagnostics diagnostics)
    {
        if (written is not { } w)
        {
            return null;
        }
        if (SourceFile.Resolve(fullPath, w.Value) is { } resolved)
        {
            return new Located<FileReference>(new FileReference(w.Value, resolved), w.Location);
        }
        diagnostics.Add(w.Location, $"'{key}' must be the path of a file, and this text cannot be one", "a path cannot hold a NUL character");
        return null;
    }
}
