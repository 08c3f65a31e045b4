using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>links:</c>, the costs of moving between two cities; a pair is described once, in either order.</summary>
internal static class LinkReader
{
    public static readonly string[] Keys =
        ["between", "corridor", "travelHours", "talentLoss", "talentDelayMonths", "technologyLoss", "capitalLoss"];

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
        var diagnostics = reader.Diagnostics;
        var fields = reader.Fields(mapping, "the link", Keys);
        var between = fields.Sequence("between", required: true) is { } sequence ? CityPair.Read(reader, sequence, "'between'") : null;
        var corridor = fields.String("corridor");
        var travelHours = diagnostics.Within(fields.Number("travelHours", required: true), "travelHours", Interval.AtLeast(0));
        var talentLoss = diagnostics.Within(fields.Number("talentLoss", required: true), "talentLoss", Interval.ShareBelowOne);
        var talentDelay = diagnostics.Within(fields.Integer("talentDelayMonths", required: true), "talentDelayMonths", 0);
        var technologyLoss = diagnostics.Within(fields.Number("technologyLoss", required: true), "technologyLoss", Interval.ShareBelowOne);
        var capitalLoss = diagnostics.Within(fields.Number("capitalLoss", required: true), "capitalLoss", Interval.ShareBelowOne);
        if (between is not { } pair)
        {
            return null;
        }
        var link = new CityLink(
            pair.Value.A,
            pair.Value.B,
            corridor?.Value ?? "",
            travelHours?.Value ?? 0,
            talentLoss?.Value ?? 0,
            talentDelay?.Value ?? 0,
            technologyLoss?.Value ?? 0,
            capitalLoss?.Value ?? 0);
        return (pair.Location, link);
    }
}
