using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>cities:</c>, which must list each of the eleven cities exactly once.</summary>
internal static class CityReader
{
    public static readonly string[] Keys = ["name", "talent", "talentLevels", "monthlyWage", "livingCost", "firms", "sectors", "zones", "position"];

    /// <summary>Shares are written to two decimals or so; this much rounding is forgiven in their sums.</summary>
    private const double SumTolerance = 0.01;

    /// <summary>The cities in <see cref="City"/> order.</summary>
    public static IReadOnlyList<CityDefinition> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'cities'") is not { } sequence)
        {
            return [];
        }
        var seen = new Dictionary<City, SourceLocation>();
        var cities = new List<CityDefinition>();
        var unnamed = 0;
        foreach (var item in sequence.Children)
        {
            var (city, definition) = Read(reader, item);
            if (city is not { } c)
            {
                unnamed++;
            }
            else if (seen.TryGetValue(c.Value, out var first))
            {
                reader.Diagnostics.Add(c.Location, $"city '{c.Value.DisplayName()}' is listed twice (first at line {first.Line})");
            }
            else
            {
                seen.Add(c.Value, c.Location);
                cities.Add(definition!);
            }
        }
        var missing = Cities.All.Where(c => !seen.ContainsKey(c)).Select(c => c.DisplayName()).ToArray();
        if (missing.Length > 0 && unnamed == 0)
        {
            reader.Error(node, $"'cities' lacks {string.Join(", ", missing)}; each of the {Cities.Count} cities must be listed once");
        }
        return cities.OrderBy(c => c.City).ToArray();
    }

    private static (Located<City>? City, CityDefinition? Definition) Read(YamlReader reader, YamlNode item)
    {
        if (reader.Mapping(item, "an entry of 'cities'") is not { } mapping)
        {
            return (null, null);
        }
        var diagnostics = reader.Diagnostics;
        var fields = reader.Fields(mapping, "the city", Keys);
        var city = fields.Name("name", Vocabularies.City, required: true);
        var talent = diagnostics.Within(fields.Number("talent", required: true), "talent", Interval.AtLeast(0));
        var levels = ReadTalentLevels(reader, fields);
        var wage = diagnostics.Within(fields.Number("monthlyWage", required: true), "monthlyWage", Interval.Above(0));
        var livingCost = diagnostics.Within(fields.Number("livingCost", required: true), "livingCost", Interval.Above(0));
        var firms = diagnostics.Within(fields.Integer("firms", required: true), "firms", 0);

        var sectorShares = ShareReader.Read(reader, fields.Mapping("sectors"), "sectors", Vocabularies.Sector);
        var sectors = Sectors.All.Select(s => sectorShares.TryGetValue(s, out var share) ? share : 0).ToArray();
        if (firms is { Value: > 0 })
        {
            if (fields.Node("sectors") is null)
            {
                diagnostics.Add(fields.Location, "required key 'sectors' is missing from the city (a city with firms needs sector shares)");
            }
            else if (Math.Abs(sectors.Sum() - 1) > SumTolerance)
            {
                diagnostics.Add(fields.KeyLocation("sectors")!.Value, $"'sectors' shares must sum to 1, not {Interval.Show(Math.Round(sectors.Sum(), 6))}");
            }
        }

        var zones = ShareReader.Read(reader, fields.Mapping("zones"), "zones", Vocabularies.Zone, zone => city is { } c && zone.CityOf() != c.Value
            ? $"zone '{zone.FileName()}' is in {zone.CityOf().DisplayName()}, not {c.Value.DisplayName()}"
            : null);
        if (zones.Values.Sum() > 1 + 1e-9)
        {
            diagnostics.Add(fields.KeyLocation("zones")!.Value, $"'zones' shares must sum to at most 1, not {Interval.Show(Math.Round(zones.Values.Sum(), 6))}");
        }

        var position = ReadPosition(reader, fields);
        var definition = new CityDefinition(
            city?.Value ?? default,
            talent?.Value ?? 0,
            levels,
            wage?.Value ?? 0,
            livingCost?.Value ?? 0,
            firms?.Value ?? 0,
            sectors,
            zones,
            position);
        return (city, definition);
    }

    /// <summary>The city's optional <c>position: { lon, lat }</c>, in degrees.</summary>
    private static GeoPosition? ReadPosition(YamlReader reader, MappingFields fields)
    {
        if (fields.Mapping("position") is not { } mapping)
        {
            return null;
        }
        var position = reader.Fields(mapping, "the position", ["lon", "lat"]);
        var lon = reader.Diagnostics.Within(position.Number("lon", required: true), "lon", new Interval(-180, 180));
        var lat = reader.Diagnostics.Within(position.Number("lat", required: true), "lat", new Interval(-90, 90));
        return lon is { } x && lat is { } y ? new GeoPosition(x.Value, y.Value) : null;
    }

    /// <summary>Graduate, professional and senior shares of the talent pool.</summary>
    private static double[] ReadTalentLevels(YamlReader reader, MappingFields fields)
    {
        if (fields.Sequence("talentLevels", required: true) is not { } sequence)
        {
            return [0, 0, 0];
        }
        var shares = reader.List(sequence, "'talentLevels'", item => reader.Diagnostics.Within(reader.Number(item, "a talent level share"), Interval.Share, "a talent level share"));
        if (sequence.Children.Count != 3)
        {
            reader.Error(sequence, $"'talentLevels' must have 3 shares (graduate, professional, senior), not {sequence.Children.Count}");
        }
        else if (shares.Count == 3 && Math.Abs(shares.Sum(s => s.Value) - 1) > SumTolerance)
        {
            reader.Error(sequence, $"'talentLevels' must sum to 1, not {Interval.Show(Math.Round(shares.Sum(s => s.Value), 6))}");
        }
        return shares.Count == 3 ? shares.Select(s => s.Value).ToArray() : [0, 0, 0];
    }
}
