using GbaSim.Engine.Yaml;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>corridors:</c> and checks that every link naming a corridor names a declared one.</summary>
internal static class CorridorReader
{
    public static readonly string[] Keys = ["name", "frictionFactor"];

    /// <summary>How far a corridor may shape its links' losses: from removing them to doubling them.</summary>
    private static readonly Interval Factor = new(0, 2);

    public static IReadOnlyList<Corridor> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'corridors'") is not { } sequence)
        {
            return [];
        }
        var corridors = new List<Corridor>();
        foreach (var item in sequence.Children)
        {
            if (reader.Mapping(item, "an entry of 'corridors'") is not { } mapping)
            {
                continue;
            }
            var fields = reader.Fields(mapping, "the corridor", Keys);
            var name = fields.String("name", required: true);
            var factor = reader.Diagnostics.Within(fields.Number("frictionFactor", required: true), "frictionFactor", Factor);
            if (name is not { } n || factor is not { } f)
            {
                continue;
            }
            if (corridors.Any(c => c.Name == n.Value))
            {
                reader.Diagnostics.Add(n.Location, $"corridor '{n.Value}' is already declared");
                continue;
            }
            corridors.Add(new Corridor(n.Value, f.Value));
        }
        return corridors;
    }

    /// <summary>A link's corridor must be declared when the world declares corridors, so a misspelt name is not silently without effect.</summary>
    public static void CheckLinks(YamlReader reader, YamlNode? linksNode, IReadOnlyList<Corridor> corridors)
    {
        if (corridors.Count == 0 || linksNode is not YamlSequenceNode links)
        {
            return;
        }
        var names = corridors.Select(c => c.Name).ToArray();
        foreach (var link in links.Children.OfType<YamlMappingNode>())
        {
            foreach (var (key, value) in link.Children)
            {
                if (key is YamlScalarNode { Value: "corridor" } && value is YamlScalarNode { Value: { Length: > 0 } corridor } && !names.Contains(corridor))
                {
                    reader.Error(value, $"corridor '{corridor}' is not declared under 'corridors'", Suggestions.Hint(corridor, names, "declared corridors"));
                }
            }
        }
    }
}
