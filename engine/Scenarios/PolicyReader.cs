using GbaSim.Engine.Yaml;
using GbaSim.Model.Policies;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Scenarios;

/// <summary>Reads a scenario file's <c>policies:</c>; names must be unique within the file.</summary>
internal static class PolicyReader
{
    public static readonly string[] Keys = ["name", "type", "start", "end", "budget", "budgetPer", "scope", "parameters"];

    public static IReadOnlyList<PolicyDraft> ReadAll(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'policies'") is not { } sequence)
        {
            return [];
        }
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var policies = new List<PolicyDraft>();
        foreach (var item in sequence.Children)
        {
            if (Read(reader, item) is not { } policy)
            {
                continue;
            }
            if (policy.Name is { } name)
            {
                if (seen.TryGetValue(name.Value, out var first))
                {
                    reader.Diagnostics.Add(name.Location, $"policy name '{name.Value}' is already used at line {first.Line} of this file", "give each policy its own name");
                    continue;
                }
                seen.Add(name.Value, name.Location);
            }
            policies.Add(policy);
        }
        return policies;
    }

    private static PolicyDraft? Read(YamlReader reader, YamlNode item)
    {
        if (reader.Mapping(item, "an entry of 'policies'") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the policy", Keys);
        var name = fields.String("name", required: true);
        if (name is { } n && n.Value.Trim().Length == 0)
        {
            reader.Diagnostics.Add(n.Location, "a policy's 'name' must not be empty");
        }
        var type = fields.Name("type", Vocabularies.PolicyType, required: true);
        return new PolicyDraft(
            fields.Location,
            name,
            type,
            fields.Month("start", required: true),
            fields.Month("end"),
            reader.Diagnostics.Within(fields.Number("budget", required: true), "budget", Interval.AtLeast(0)),
            fields.Mapping("scope") is { } scope ? ScopeReader.Read(reader, scope) : ScopeDraft.Everywhere,
            fields.Mapping("parameters") is { } parameters ? ReadParameters(reader, parameters, type?.Value) : new Dictionary<string, double>(),
            fields.Name("budgetPer", Vocabularies.BudgetPeriod));
    }

    /// <summary>A policy's parameters, named and bounded by its type in <see cref="PolicyCatalog"/>; unchecked names are dropped when the type is unknown.</summary>
    private static Dictionary<string, double> ReadParameters(YamlReader reader, YamlMappingNode mapping, PolicyType? type)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var valid = type is { } t ? PolicyCatalog.ParametersOf(t) : [];
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = reader.String(keyNode, "a parameter name");
            var value = reader.Number(valueNode, name is { } n ? $"'{n.Value}'" : "a parameter");
            if (name is not { } key || type is not { } policyType)
            {
                continue;
            }
            if (valid.FirstOrDefault(p => p.Name == key.Value) is not { } parameter)
            {
                reader.Error(keyNode, $"unknown parameter '{key.Value}' for a {PolicyCatalog.NameOf(policyType)} policy",
                    Suggestions.Hint(key.Value, valid.Select(p => p.Name).ToArray(), "valid parameters"));
                continue;
            }
            if (reader.Diagnostics.Within(value, key.Value, new Interval(parameter.Minimum, parameter.Maximum)) is { } v)
            {
                values[key.Value] = v.Value;
            }
        }
        return values;
    }
}
