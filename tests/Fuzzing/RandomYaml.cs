using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Fuzzing;

/// <summary>
/// Random YAML documents shaped like scenarios and worlds: each key usually gets a value of the
/// kind the reader expects (a month for <c>start</c>, a list of policies for <c>policies</c>, a
/// city for <c>name</c> in a city...) and sometimes anything at all, in block or flow style. So
/// the documents get past the syntax and exercise the checks behind it, and some are valid.
/// </summary>
internal static class RandomYaml
{
    private abstract record Node;

    private sealed record Scalar(string Text) : Node;

    private sealed record Sequence(IReadOnlyList<Node> Items, bool Flow) : Node;

    private sealed record Mapping(IReadOnlyList<(string Key, Node Value)> Entries, bool Flow) : Node;

    private static readonly string[] Parameters = PolicyCatalog.All.SelectMany(t => PolicyCatalog.ParametersOf(t).Select(p => p.Name)).Distinct().ToArray();

    private static readonly string[] AllKeys =
    [
        .. ScenarioFileReader.Keys, .. PolicyReader.Keys, .. ScopeReader.Keys, .. SweepReader.Keys, .. SweepReader.RangeKeys,
        .. WorldLoader.Keys, .. CityReader.Keys, .. InstitutionReader.Keys, .. LinkReader.Keys, .. Parameters, .. ModelParameters.Names,
    ];

    private static readonly string[] Names =
    [
        .. Vocabularies.City.Names, .. Vocabularies.ZoneOrNone.Names, .. Vocabularies.Sector.Names, .. Vocabularies.InstitutionKind.Names,
        .. Vocabularies.ChainStage.Names, .. Vocabularies.PolicyType.Names, "hkust", "pilots", "x", "month", "quarter",
    ];

    private static readonly string[] Months = ["2025-01", "2025-06", "2026-01", "2027-07", "2030-12", "2124-12", "2025-13", "0000-00", "9999-12", "2025/01"];

    private static readonly string[] Paths = ["worlds/tiny.yaml", "base.yaml", "swept.yaml", "child.yaml", "../worlds/tiny.yaml", "/etc/passwd", "/dev/zero", "../../../../etc/hostname", "worlds", ""];

    private static Gen<Node> Text(params string[] choices) => Gen.Elements(choices).Select(t => (Node)new Scalar(t));

    private static Gen<Node> Number => Gen.Frequency(
    [
        (4, Gen.Elements("0", "1", "12", "36", "120", "0.5", "0.99", "1000000", "-1", "1.5", "1200", "1201")),
        (1, ArbMap.Default.GeneratorFor<double>().Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, ArbMap.Default.GeneratorFor<long>().Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Elements("1e400", ".nan", ".inf", "18446744073709551616", "'12'", "twelve")),
    ]).Select(t => (Node)new Scalar(t));

    private static Gen<Node> Anything(int depth) => depth <= 0
        ? Gen.Frequency([(3, Text(Names)), (1, Number), (1, ArbMap.Default.GeneratorFor<string>().Select(s => (Node)new Scalar(Quoted(s))))])
        : Gen.Frequency(
        [
            (4, Anything(0)),
            (1, ListOf(Anything(depth - 1))),
            (1, MappingOf(AllKeys, _ => Anything(depth - 1))),
        ]);

    /// <summary>A scenario-shaped document: scenario keys at the top, policies, sweeps and forks below.</summary>
    public static Gen<string> Scenario => MappingOf(ScenarioFileReader.Keys, ScenarioValue, flow: false, required: ["name", "seed", "start", "horizon", "world"]).Select(Write);

    /// <summary>A world-shaped document: cities, institutions, links and model parameters.</summary>
    public static Gen<string> World => MappingOf(WorldLoader.Keys, WorldValue, flow: false, required: ["name", "cities"]).Select(Write);

    private static Gen<Node> ScenarioValue(string key) => Usually(key switch
    {
        "name" or "description" => Text(Names),
        "seed" => Mostly(Text("0", "1", "20250101"), Number),
        "horizon" => Mostly(Text("12", "36", "120"), Number),
        "scale" => Mostly(Text("0.5", "1", "0.02"), Number),
        "start" or "end" => Mostly(Text("2025-01", "2026-12"), Text(Months)),
        "step" => Text("month", "quarter"),
        "world" => Mostly(Text("worlds/tiny.yaml"), Text(Paths)),
        "extends" => Text(Paths),
        "policies" => ListOf(MappingOf(PolicyReader.Keys, PolicyValue)),
        "sweep" => ListOf(MappingOf(SweepReader.Keys, SweepValue)),
        "fork" => MappingOf(ScenarioFileReader.ForkKeys, _ => Text(Months)),
        _ => Anything(2),
    });

    private static Gen<Node> PolicyValue(string key) => Usually(key switch
    {
        "name" => Text("pilots", "talent", "ip", "x"),
        "type" => Text(Vocabularies.PolicyType.Names.ToArray()),
        "start" or "end" => Text(Months),
        "budget" => Number,
        "scope" => MappingOf(ScopeReader.Keys, ScopeValue),
        "parameters" => MappingOf(Parameters, _ => Number),
        _ => Anything(1),
    });

    private static Gen<Node> ScopeValue(string key) => Usually(key switch
    {
        "cities" => ListOf(Text(Vocabularies.City.Names.ToArray())),
        "zones" => ListOf(Text(Vocabularies.Zone.Names.ToArray())),
        "sectors" => ListOf(Text(Vocabularies.Sector.Names.ToArray())),
        "institutions" => ListOf(Text("hkust", "cuhk", "x")),
        "pairs" => ListOf(ListOf(Text(Vocabularies.City.Names.ToArray()))),
        _ => Anything(1),
    });

    private static Gen<Node> SweepValue(string key) => Usually(key switch
    {
        "policy" => Text("pilots", "talent", "ip", "x"),
        "parameter" => Text([.. Parameters, "budget"]),
        "values" => ListOf(Number),
        "range" => MappingOf(SweepReader.RangeKeys, _ => Number),
        _ => Anything(1),
    });

    private static Gen<Node> WorldValue(string key) => Usually(key switch
    {
        "name" => Text(Names),
        "parameters" => MappingOf(ModelParameters.Names.ToArray(), _ => Number),
        "cities" => ListOf(MappingOf(CityReader.Keys, CityValue)),
        "institutions" => ListOf(MappingOf(InstitutionReader.Keys, InstitutionValue)),
        "links" => ListOf(MappingOf(LinkReader.Keys, LinkValue)),
        _ => Anything(2),
    });

    private static Gen<Node> CityValue(string key) => Usually(key switch
    {
        "name" => Text(Vocabularies.City.Names.ToArray()),
        "talentLevels" => ListOf(Number),
        "sectors" => MappingOf(Vocabularies.Sector.Names.ToArray(), _ => Number),
        "zones" => MappingOf(Vocabularies.Zone.Names.ToArray(), _ => Number),
        _ => Number,
    });

    private static Gen<Node> InstitutionValue(string key) => Usually(key switch
    {
        "key" or "name" => Text("hkust", "cuhk", "x"),
        "kind" => Text(Vocabularies.InstitutionKind.Names.ToArray()),
        "city" => Text(Vocabularies.City.Names.ToArray()),
        "zone" => Text(Vocabularies.ZoneOrNone.Names.ToArray()),
        "sectors" => ListOf(Text(Vocabularies.Sector.Names.ToArray())),
        "stages" => ListOf(Text(Vocabularies.ChainStage.Names.ToArray())),
        _ => Number,
    });

    private static Gen<Node> LinkValue(string key) => Usually(key switch
    {
        "between" => ListOf(Text(Vocabularies.City.Names.ToArray())),
        "corridor" => Text(Names),
        _ => Number,
    });

    /// <summary>Usually one of the values that pass, else one of a wider kind.</summary>
    private static Gen<Node> Mostly(Gen<Node> passing, Gen<Node> wider) => Gen.Frequency([(4, passing), (1, wider)]);

    /// <summary>The expected kind of value, or now and then anything at all.</summary>
    private static Gen<Node> Usually(Gen<Node> expected) => Gen.Frequency([(8, expected), (1, Anything(1))]);

    private static Gen<Node> ListOf(Gen<Node> item) =>
        Gen.Zip(Gen.Choose(0, 6).SelectMany(n => item.ListOf(n)), FlowStyle).Select(p => (Node)new Sequence(p.Item1.ToArray(), p.Item2));

    /// <summary>A mapping of the required keys, some of the others (each once, as YAML requires) and now and then an unknown one.</summary>
    private static Gen<Node> MappingOf(IReadOnlyList<string> keys, Func<string, Gen<Node>> value, bool? flow = null, string[]? required = null) =>
        from optional in Gen.SubListOf(keys.Except(required ?? []).ToArray())
        let chosen = (required ?? []).Concat(optional)
        from extra in Gen.Frequency([(6, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(AllKeys).Select(k => new[] { k + "x" }))])
        from order in Gen.Shuffle(chosen.Concat(extra).ToArray())
        from values in Gen.CollectToArray(order, value)
        from isFlow in flow is { } f ? Gen.Constant(f) : FlowStyle
        select (Node)new Mapping(order.Zip(values).ToArray(), isFlow);

    private static Gen<bool> FlowStyle => Gen.Frequency([(3, Gen.Constant(false)), (1, Gen.Constant(true))]);

    private static string Quoted(string? text) => "\"" + (text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Write(Node node)
    {
        var text = new StringBuilder();
        Block(text, node, 0);
        return text.ToString();
    }

    private static void Block(StringBuilder text, Node node, int indent)
    {
        switch (node)
        {
            case Mapping { Flow: false, Entries.Count: > 0 } mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    text.Append(' ', indent).Append(key).Append(':');
                    Child(text, value, indent);
                }
                break;
            case Sequence { Flow: false, Items.Count: > 0 } sequence:
                foreach (var item in sequence.Items)
                {
                    text.Append(' ', indent).Append('-');
                    // A list item's mapping starts on the dash's line, as people write policies.
                    if (item is Mapping { Flow: false, Entries.Count: > 0 } inline)
                    {
                        var first = new StringBuilder();
                        Block(first, inline, indent + 2);
                        text.Append(' ').Append(first.ToString().TrimStart(' '));
                    }
                    else
                    {
                        Child(text, item, indent);
                    }
                }
                break;
            default:
                text.Append(' ', indent).Append(Flow(node)).Append('\n');
                break;
        }
    }

    private static void Child(StringBuilder text, Node value, int indent)
    {
        if (value is Scalar or Sequence { Flow: true } or Mapping { Flow: true } or Sequence { Items.Count: 0 } or Mapping { Entries.Count: 0 })
        {
            text.Append(' ').Append(Flow(value)).Append('\n');
        }
        else
        {
            text.Append('\n');
            Block(text, value, indent + 2);
        }
    }

    private static string Flow(Node node) => node switch
    {
        Scalar scalar => scalar.Text,
        Sequence sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
        Mapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{e.Key}: {Flow(e.Value)}")) + "}",
        _ => "",
    };
}
