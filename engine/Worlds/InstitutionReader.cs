using System.Text.RegularExpressions;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>institutions:</c>; keys are unique because scenarios and grains address institutions by them.</summary>
internal static partial class InstitutionReader
{
    public static readonly string[] Keys =
    [
        "key", "name", "kind", "city", "zone", "researchers", "quality", "graduatesPerYear",
        "capacity", "capital", "feeRate", "sectors", "stages",
    ];

    public static IReadOnlyList<InstitutionDefinition> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'institutions'") is not { } sequence)
        {
            return [];
        }
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var institutions = new List<InstitutionDefinition>();
        foreach (var item in sequence.Children)
        {
            if (Read(reader, item) is not var (key, definition))
            {
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                reader.Diagnostics.Add(key.Location, $"institution key '{key.Value}' is already used at line {first.Line}");
                continue;
            }
            seen.Add(key.Value, key.Location);
            institutions.Add(definition);
        }
        return institutions;
    }

    private static (Located<string> Key, InstitutionDefinition Definition)? Read(YamlReader reader, YamlNode item)
    {
        if (reader.Mapping(item, "an entry of 'institutions'") is not { } mapping)
        {
            return null;
        }
        var diagnostics = reader.Diagnostics;
        var fields = reader.Fields(mapping, "the institution", Keys);
        var key = fields.String("key", required: true);
        if (key is { } k && !KeyPattern().IsMatch(k.Value))
        {
            diagnostics.Add(k.Location, $"institution key '{k.Value}' may hold only lower-case letters, digits and '-'");
        }
        var name = fields.String("name", required: true);
        var kind = fields.Name("kind", Vocabularies.InstitutionKind, required: true);
        var city = fields.Name("city", Vocabularies.City, required: true);
        var zone = fields.Name("zone", Vocabularies.ZoneOrNone);
        if (zone is { } z && z.Value != Zone.None && city is { } c && z.Value.CityOf() != c.Value)
        {
            diagnostics.Add(z.Location, $"zone '{z.Value.FileName()}' is in {z.Value.CityOf().DisplayName()}, not {c.Value.DisplayName()}");
        }
        var researchers = diagnostics.Within(fields.Integer("researchers"), "researchers", 0);
        var quality = diagnostics.Within(fields.Number("quality"), "quality", new Interval(0, 1, MinOpen: true, MaxOpen: true));
        var graduates = diagnostics.Within(fields.Integer("graduatesPerYear"), "graduatesPerYear", 0);
        var capacity = diagnostics.Within(fields.Number("capacity"), "capacity", Interval.AtLeast(0));
        var capital = diagnostics.Within(fields.Number("capital"), "capital", Interval.AtLeast(0));
        var feeRate = diagnostics.Within(fields.Number("feeRate"), "feeRate", Interval.ShareBelowOne);
        var sectors = fields.Node("sectors") is null
            ? Sectors.All
            : fields.Names("sectors", Vocabularies.Sector).Select(s => s.Value).Distinct().ToArray();
        var stages = fields.Names("stages", Vocabularies.ChainStage).Select(s => s.Value).Distinct().ToArray();

        if (key is null)
        {
            return null;
        }
        var definition = new InstitutionDefinition(
            key.Value.Value,
            name?.Value ?? key.Value.Value,
            kind?.Value ?? default,
            city?.Value ?? default,
            zone?.Value ?? Zone.None,
            researchers?.Value ?? 0,
            quality?.Value ?? 0.5,
            graduates?.Value ?? 0,
            capacity?.Value ?? 0,
            capital?.Value ?? 0,
            feeRate?.Value ?? 0,
            sectors,
            stages);
        return (key.Value, definition);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex KeyPattern();
}
