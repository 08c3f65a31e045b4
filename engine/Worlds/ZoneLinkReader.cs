using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>zoneLinks:</c>, a zone's own terms with a city across a border from it (Hetao with Hong Kong, Hengqin with Macao).</summary>
internal static class ZoneLinkReader
{
    public static readonly string[] Keys = ["zone", "across", .. LinkTermsReader.Keys];

    public static IReadOnlyList<ZoneLink> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'zoneLinks'") is not { } sequence)
        {
            return [];
        }
        var seen = new Dictionary<(Zone, City), int>();
        var links = new List<ZoneLink>();
        foreach (var item in sequence.Children)
        {
            if (reader.Mapping(item, "an entry of 'zoneLinks'") is not { } mapping)
            {
                continue;
            }
            var fields = reader.Fields(mapping, "the zone link", Keys);
            var zone = fields.Name("zone", Vocabularies.Zone, required: true);
            var across = fields.Name("across", Vocabularies.City, required: true);
            var (terms, _, _) = LinkTermsReader.Read(reader, fields);
            if (zone is not { } z || across is not { } a)
            {
                continue;
            }
            if (z.Value.CityOf() == a.Value)
            {
                reader.Diagnostics.Add(a.Location, $"zone '{z.Value.FileName()}' is in {a.Value.DisplayName()}; 'across' must name another city");
                continue;
            }
            if (!seen.TryAdd((z.Value, a.Value), z.Location.Line))
            {
                reader.Diagnostics.Add(z.Location, $"the link of zone '{z.Value.FileName()}' with {a.Value.DisplayName()} is already given at line {seen[(z.Value, a.Value)]}");
                continue;
            }
            links.Add(new ZoneLink(z.Value, a.Value, terms));
        }
        return links;
    }
}
