using System.Globalization;
using System.Text.Json.Nodes;
using GbaSim.Engine.Worlds;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using static GbaSim.Tests.Scenarios.Schemas.Schema;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>Generates scenarios/world.schema.json; model parameters come from <see cref="ModelParameters"/>, with their defaults.</summary>
internal static class WorldSchema
{
    public static JsonObject Generate()
    {
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "GbaSim world",
        };
        var world = Object(
            "The Greater Bay Area as the model starts it: cities, institutions, links between cities and model parameters. See docs/scenario-format.md.",
            new JsonObject
            {
                ["name"] = Text("The world's name."),
                ["parameters"] = SharedDefinitions.ModelParameters("Overrides of model parameters by name; each one left out keeps its default (docs/model.md)."),
                ["cities"] = List("Each of the 11 cities, exactly once.", City(), Cities.Count, Cities.Count),
                ["institutions"] = List("Universities, laboratories, facilities, transfer centres, platforms, funds and incubators.", Institution()),
                ["links"] = List("What moving between two cities costs; pairs without a link use the model's default losses.", Link()),
                ["zoneLinks"] = List("A zone's own terms with a city across a border from it; flows between the two meet these instead of the cities' link.", ZoneLink()),
                ["corridors"] = List("Named corridors; the losses of every link naming one are multiplied by its factor.", Corridor()),
            },
            "name", "cities");
        foreach (var (key, value) in world)
        {
            schema[key] = value?.DeepClone();
        }
        return schema;
    }

    private static JsonObject City()
    {
        var sectors = new JsonObject();
        foreach (var sector in Sectors.All)
        {
            sectors[sector.Code()] = Number($"Share of the city's firms in {sector}.", 0, 1);
        }
        var zones = new JsonObject();
        foreach (var zone in Zones.All.Where(z => z != Zone.None))
        {
            zones[zone.FileName()] = Number($"Share of the city's firms in the zone; the zone must be in {zone.CityOf().DisplayName()}.", 0, 1);
        }
        return Object(
            "A city as the model starts it.",
            new JsonObject
            {
                ["name"] = SharedDefinitions.City("The city."),
                ["talent"] = Number("R&D talent pool, in people (before scaling).", 0),
                ["talentLevels"] = List("Shares of graduates, professionals and seniors in the pool; they sum to 1.", Number("A share.", 0, 1), 3, 3),
                ["monthlyWage"] = Number("Average monthly wage of R&D staff, yuan.", 0, minimumOpen: true),
                ["livingCost"] = Number("Living-cost index, Guangzhou = 1.0.", 0, minimumOpen: true),
                ["firms"] = Whole("High-tech firms in the city (before scaling).", 0),
                ["sectors"] = Object("Share of the city's firms in each sector; sectors left out have none. The shares sum to 1 when the city has firms.", sectors),
                ["zones"] = Object("Share of the city's firms in each of its zones; at most 1 in all.", zones),
                ["position"] = Object(
                    "Where the city's centre lies, in degrees (WGS 84), for the dashboard's map; the model does not read it.",
                    new JsonObject
                    {
                        ["lon"] = Number("Longitude, degrees east.", -180, 180),
                        ["lat"] = Number("Latitude, degrees north.", -90, 90),
                    },
                    "lon", "lat"),
            },
            "name", "talent", "talentLevels", "monthlyWage", "livingCost", "firms");
    }

    private static JsonObject Institution() => Object(
        "A named institution. Which numbers matter depends on its kind.",
        new JsonObject
        {
            ["key"] = Text("Unique key, lower-case letters, digits and '-'; scenarios name the institution by it.", SharedDefinitions.KeyPattern),
            ["name"] = Text("The institution's full name."),
            ["kind"] = Enum("What the institution is.", InstitutionKinds.All.Select(k => k.FileName())),
            ["city"] = SharedDefinitions.City("The city it is in."),
            ["zone"] = SharedDefinitions.Zone("The zone it is in, which must be in its city; none by default.", withNone: true),
            ["researchers"] = Whole("Researchers, for research institutions.", 0, @default: 0),
            ["quality"] = Number("Research quality, in (0, 1).", 0, 1, 0.5, minimumOpen: true, maximumOpen: true),
            ["graduatesPerYear"] = Whole("Graduates a year, for universities.", 0, @default: 0),
            ["capacity"] = Number("User projects a year (facility), matches a month (transfer centre), concurrent pilots (pilot platform) or places (incubator).", 0, @default: 0),
            ["capital"] = Number("Investable capital of a fund, yuan.", 0, @default: 0),
            ["feeRate"] = Number("Share of a deal's value the institution charges, in [0, 1).", 0, 1, 0, maximumOpen: true),
            ["sectors"] = List("Fields the institution works in; all sectors if left out.", SharedDefinitions.Sector("A sector."), unique: true),
            ["stages"] = List("Stages of the research-to-market chain it serves.", Enum("A chain stage.", ChainStages.All.Select(s => s.FileName())), unique: true),
        },
        "key", "name", "kind", "city");

    private static JsonObject Link() => Object(
        "What it costs for talent, technology, capital, materials and data to move between two cities (in either direction).",
        WithTerms(new JsonObject
        {
            ["between"] = List("The two different cities the link joins.", SharedDefinitions.City("A city."), 2, 2, unique: true),
            ["corridor"] = Text("Name of the corridor the link belongs to; declared under 'corridors' when the world declares any."),
        }),
        "between", "travelHours", "talentLoss", "talentDelayMonths", "technologyLoss", "capitalLoss");

    private static JsonObject ZoneLink() => Object(
        "A zone's own terms with a city across a border from it.",
        WithTerms(new JsonObject
        {
            ["zone"] = SharedDefinitions.Zone("The zone.", withNone: false),
            ["across"] = SharedDefinitions.City("The city across the border, not the zone's own."),
        }),
        "zone", "across", "travelHours", "talentLoss", "talentDelayMonths", "technologyLoss", "capitalLoss");

    private static JsonObject Corridor() => Object(
        "A named corridor.",
        new JsonObject
        {
            ["name"] = Text("The name links give under 'corridor'."),
            ["frictionFactor"] = Number("Multiplies every loss of the corridor's links, in [0, 2].", 0, 2),
        },
        "name", "frictionFactor");

    /// <summary>Adds the frictions a city link and a zone link share.</summary>
    private static JsonObject WithTerms(JsonObject properties)
    {
        properties["travelHours"] = Number("Travel time, hours.", 0);
        properties["talentLoss"] = Number("Share of moving talent lost on the way, in [0, 1).", 0, 1, maximumOpen: true);
        properties["talentDelayMonths"] = Whole("Months talent takes to arrive.", 0);
        properties["technologyLoss"] = Number("Share of a moving technology's value lost, in [0, 1).", 0, 1, maximumOpen: true);
        properties["capitalLoss"] = Number("Share of moving capital lost, in [0, 1).", 0, 1, maximumOpen: true);
        properties["materialsLoss"] = Number("Share of materials (samples, prototypes) lost, in [0, 1); technologyLoss if left out.", 0, 1, maximumOpen: true);
        properties["dataLoss"] = Number("Share of data products lost, in [0, 1); technologyLoss if left out.", 0, 1, maximumOpen: true);
        return properties;
    }
}
