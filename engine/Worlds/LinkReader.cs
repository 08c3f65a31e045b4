using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>links:</c>, the costs of moving between two cities; a pair is described once, in either order.</summary>
internal static class LinkReader
{
    public static readonly string[] Keys = ["between", "corridor", .. LinkTermsReader.Keys];

    public static IReadOnlyList<CityLink> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'links'") is not { } sequence)
        {
            return [];
        }
        var seen = new Dictionary<(City, City), SourceLocation>();
        var links = new List<CityLink>();
        foreach (var item in sequence.Children)
        {
            if (Read(reader, item) is not var (at, link))
            {
                continue;
            }
            var pair = link.A < link.B ? (link.A, link.B) : (link.B, link.A);
            if (seen.TryGetValue(pair, out var first))
            {
                reader.Diagnostics.Add(at, $"the link between {link.A.DisplayName()} and {link.B.DisplayName()} is already given at line {first.Line}");
                continue;
            }
            seen.Add(pair, at);
            links.Add(link);
        }
        return links;
    }

    private static (SourceLocation Between, CityLink Link)? Read(YamlReader reader, YamlNode item)
    {
        if (reader.Mapping(item, "an entry of 'links'") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the link", Keys);
        var between = fields.Sequence("between", required: true) is { } sequence ? CityPair.Read(reader, sequence, "'between'") : null;
        var corridor = fields.String("corridor");
        var (terms, materialsLoss, dataLoss) = LinkTermsReader.Read(reader, fields);
        if (between is not { } pair)
        {
            return null;
        }
        var link = new CityLink(
            pair.Value.A,
            pair.Value.B,
            corridor?.Value ?? "",
            terms.TravelHours,
            terms.TalentLoss,
            terms.TalentDelayMonths,
            terms.TechnologyLoss,
            terms.CapitalLoss,
            materialsLoss,
            dataLoss);
        return (pair.Location, link);
    }
}
