using System.Text.Json.Nodes;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using static GbaSim.Tests.Scenarios.Schemas.Schema;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>
/// Generates scenarios/scenario.schema.json from the policy catalogue, so that editors complete
/// policy types and each type's parameters with their ranges and defaults.
/// </summary>
internal static class ScenarioSchema
{
    public static JsonObject Generate()
    {
        var properties = new JsonObject
        {
            ["name"] = Text("The scenario's name, used in run reports."),
            ["description"] = Text("Free text describing the scenario."),
            ["extends"] = Text("A scenario file this one builds on, relative to this file. Its values apply unless this file sets them; its policies are kept, replaced by a policy of the same name here, or followed by this file's new ones."),
            ["seed"] = Whole("Seed of all random streams: the same seed gives the same run. A whole number from 0 to 2^64 - 1.", 0),
            ["start"] = SharedDefinitions.Month("First simulated month, YYYY-MM."),
            ["horizon"] = Whole("Months simulated, 1 to 1200. Give this or 'end', not both.", 1, 1200),
            ["end"] = SharedDefinitions.Month("Last simulated month, YYYY-MM, instead of 'horizon'."),
            ["step"] = Enum("Length of a step; the model steps monthly.", ["month"], ["One month per step."]),
            ["world"] = Text("The world file (cities, institutions, links), relative to this file."),
            ["scale"] = Number("Firms simulated as a multiple of the world's high-tech enterprises, in (0, 20]: a sample below 1, a larger world of the same firm profile above 1 (17.5 gives about a million firms). Institutions scale with it and figures are divided by it.", 0, FirmGenerator.MaxScale, 1.0, minimumOpen: true),
            ["parameters"] = SharedDefinitions.ModelParameters("Model parameters this scenario sets, over the world's and any extended file's, by name; each one left out keeps its value (docs/model.md)."),
            ["policies"] = List("The policies in force during the run.", Ref("policy")),
            ["sweep"] = List(
                "Runs the scenario once per value of one policy parameter (one axis), or once per cell of a grid of two. A file that writes 'sweep' replaces an extended file's.",
                Ref("sweepAxis"), 1, SweepDefinition.MaxAxes),
            ["fork"] = Object(
                "Where this variant branches off its baseline's history.",
                new JsonObject
                {
                    ["at"] = SharedDefinitions.Month("The month from which the variant departs from its baseline, YYYY-MM: after 'start' and not after the last month."),
                },
                "at"),
        };
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "GbaSim scenario",
        };
        foreach (var (key, value) in Object("A GbaSim scenario: what to simulate, from when, for how long, on which world and under which policies. See docs/scenario-format.md.", properties))
        {
            schema[key] = value?.DeepClone();
        }
        schema["allOf"] = new JsonArray(
            // A file that extends another may leave everything to its parent; one that does not must say it all.
            new JsonObject
            {
                ["if"] = new JsonObject { ["not"] = new JsonObject { ["required"] = Strings(["extends"]) } },
                ["then"] = new JsonObject
                {
                    ["required"] = Strings(["name", "seed", "start", "world"]),
                    ["anyOf"] = new JsonArray(new JsonObject { ["required"] = Strings(["horizon"]) }, new JsonObject { ["required"] = Strings(["end"]) }),
                },
            },
            new JsonObject { ["not"] = new JsonObject { ["required"] = Strings(["horizon", "end"]) } });
        schema["$defs"] = new JsonObject
        {
            ["policy"] = Policy(),
            ["scope"] = Scope(),
            ["sweepAxis"] = SweepAxis(),
        };
        return schema;
    }

    private static JsonObject Policy()
    {
        var types = PolicyCatalog.All.ToArray();
        var policy = Object(
            "A policy: a typed intervention active from 'start' to 'end' within a scope, spending at most 'budget' yuan a year (or in all, with 'budgetPer: total').",
            new JsonObject
            {
                ["name"] = Text("Unique name of the policy. A policy with the name of one in an extended file replaces it."),
                ["type"] = Enum("The kind of intervention.", types.Select(PolicyCatalog.NameOf), types.Select(PolicyCatalog.SummaryOf)),
                ["start"] = SharedDefinitions.Month("First month the policy acts, YYYY-MM, within the scenario."),
                ["end"] = SharedDefinitions.Month("Last month the policy acts, YYYY-MM; the scenario's end if left out."),
                ["budget"] = Number("Most the policy may spend, in yuan: a year's allowance, or the total over its dates with 'budgetPer: total'.", 0),
                ["budgetPer"] = Enum("What the budget covers: 'year' (the default: renewed every twelve months) or 'total' (over 'start' to 'end', which must then be given).", ["year", "total"], ["A yearly allowance.", "A total over the stated dates."]),
                ["scope"] = Ref("scope", "Where the policy acts; everywhere if left out."),
                ["parameters"] = new JsonObject { ["type"] = "object", ["description"] = "The policy type's parameters; each one left out takes its default." },
            },
            "name", "type", "start", "budget");
        policy["allOf"] = new JsonArray(types.Select(type => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = PolicyCatalog.NameOf(type) } },
                ["required"] = Strings(["type"]),
            },
            ["then"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["parameters"] = Parameters(type) },
            },
        }).ToArray());
        return policy;
    }

    private static JsonObject Parameters(PolicyType type)
    {
        var properties = new JsonObject();
        foreach (var parameter in PolicyCatalog.ParametersOf(type))
        {
            properties[parameter.Name] = Number(parameter.Description, parameter.Minimum, parameter.Maximum, parameter.Default);
        }
        return Object($"Parameters of a {PolicyCatalog.NameOf(type)} policy: {PolicyCatalog.SummaryOf(type)}", properties);
    }

    private static JsonObject SweepAxis()
    {
        // Which of these a policy takes depends on its type; the loader checks that, the schema only offers them all.
        var parameters = PolicyCatalog.All
            .SelectMany(type => PolicyCatalog.ParametersOf(type).Select(p => (p.Name, Description: $"{PolicyCatalog.NameOf(type)}: {p.Description}")))
            .Append((Name: SweepDefinition.Budget, Description: "Any policy: the most it may spend, in yuan (at least 0)."))
            .Concat(ModelParameterCatalog.All.Select(p => (Name: SweepDefinition.ModelPrefix + p.Name, Description: $"Model parameter {p.Name} (no 'policy'); default {p.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)}.")))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Description: string.Join(" ", g.Select(p => p.Description))))
            .ToArray();
        var axis = Object(
            "One axis of a sweep: a parameter of one policy (or a model parameter, 'parameters.NAME', with no policy) and the values it takes, one run each. Each value must lie in the parameter's range.",
            new JsonObject
            {
                ["policy"] = Text("The name of a policy of the scenario (or of a file it extends); left out for a model parameter."),
                ["parameter"] = Enum("A parameter of that policy's type, 'budget', or 'parameters.NAME' for a model parameter.", parameters.Select(p => p.Name), parameters.Select(p => p.Description)),
                ["values"] = List($"The values, in the order they run; 1 to {SweepDefinition.MaxValues}, each once.", Number("A value of the parameter."), 1, SweepDefinition.MaxValues, unique: true),
                ["range"] = Object(
                    $"Values from 'from' up to 'to' (included when the steps reach it) in steps of 'step', instead of 'values'; at most {SweepDefinition.MaxValues}.",
                    new JsonObject
                    {
                        ["from"] = Number("The first value."),
                        ["to"] = Number("The last value, not below 'from'."),
                        ["step"] = Number("The step between values, greater than 0.", 0, minimumOpen: true),
                    },
                    "from", "to", "step"),
            },
            "parameter");
        axis["oneOf"] = new JsonArray(
            new JsonObject { ["required"] = Strings(["values"]) },
            new JsonObject { ["required"] = Strings(["range"]) });
        return axis;
    }

    private static JsonObject Scope() => Object(
        "Where a policy acts. A list left out does not restrict; zones imply their cities.",
        new JsonObject
        {
            ["cities"] = List("Cities the policy covers.", SharedDefinitions.City("A city."), unique: true),
            ["zones"] = List("Zones the policy covers.", SharedDefinitions.Zone("A zone.", withNone: false), unique: true),
            ["sectors"] = List("Sectors the policy covers.", SharedDefinitions.Sector("A sector."), unique: true),
            ["institutions"] = List("Keys of institutions in the world the policy covers.", Text("An institution key.", SharedDefinitions.KeyPattern), unique: true),
            ["pairs"] = List("City pairs (in either order) the policy covers, for cross-border policies.",
                List("Two different cities.", SharedDefinitions.City("A city."), 2, 2, unique: true)),
        });
}
