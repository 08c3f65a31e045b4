using GbaSim.Engine.Yaml;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a world's <c>parameters:</c>, overrides of <see cref="ModelParameters"/> by their camelCase names.</summary>
internal static class ModelParameterReader
{
    /// <summary>Parameters that count things (months, people) and so must be whole numbers.</summary>
    public static IReadOnlySet<string> WholeNumbers { get; } = typeof(ModelParameters).GetProperties()
        .Where(p => p.CanWrite && p.PropertyType == typeof(int))
        .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
        .ToHashSet(StringComparer.Ordinal);

    public static ModelParameters Read(YamlReader reader, YamlMappingNode? mapping)
    {
        var parameters = ModelParameters.Default;
        if (mapping is null)
        {
            return parameters;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (reader.String(keyNode, "a parameter name") is not { } name)
            {
                continue;
            }
            if (!ModelParameters.Names.Contains(name.Value, StringComparer.Ordinal))
            {
                reader.Error(keyNode, $"unknown model parameter '{name.Value}'", Suggestions.Hint(name.Value, ModelParameters.Names, "valid parameters"));
                continue;
            }
            double? value = WholeNumbers.Contains(name.Value)
                ? reader.Diagnostics.Within(reader.Integer(valueNode, $"'{name.Value}'"), name.Value, 0)?.Value
                : reader.Diagnostics.Within(reader.Number(valueNode, $"'{name.Value}'"), name.Value, Interval.AtLeast(0))?.Value;
            if (value is { } v)
            {
                parameters = parameters.With(name.Value, v);
            }
        }
        return parameters;
    }
}
