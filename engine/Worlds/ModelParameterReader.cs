using GbaSim.Engine.Yaml;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>
/// Reads a <c>parameters:</c> mapping of a world or scenario file: overrides of
/// <see cref="ModelParameters"/> by their camelCase names, each checked against
/// <see cref="ModelParameterCatalog"/> (known name, number or whole number, valid range).
/// </summary>
internal static class ModelParameterReader
{
    /// <summary>The overrides that are valid, in the order written; each error is reported where it was written.</summary>
    public static IReadOnlyList<(string Name, Located<double> Value)> ReadOverrides(YamlReader reader, YamlMappingNode? mapping)
    {
        var overrides = new List<(string, Located<double>)>();
        if (mapping is null)
        {
            return overrides;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (reader.String(keyNode, "a parameter name") is not { } name)
            {
                continue;
            }
            if (ModelParameterCatalog.Find(name.Value) is not { } parameter)
            {
                reader.Error(keyNode, $"unknown model parameter '{name.Value}'", Suggestions.Hint(name.Value, ModelParameterCatalog.Names, "model parameters", listAll: true));
                continue;
            }
            var value = parameter.Whole
                ? reader.Integer(valueNode, $"'{name.Value}'") is { } whole ? new Located<double>(whole.Value, whole.Location) : (Located<double>?)null
                : reader.Number(valueNode, $"'{name.Value}'");
            if (reader.Diagnostics.Within(value, name.Value, Range(parameter)) is { } v)
            {
                overrides.Add((parameter.Name, v));
            }
        }
        return overrides;
    }

    /// <summary>The world's parameters: the defaults with the file's overrides.</summary>
    public static ModelParameters Read(YamlReader reader, YamlMappingNode? mapping) =>
        ReadOverrides(reader, mapping).Aggregate(ModelParameters.Default, (parameters, o) => parameters.With(o.Name, o.Value.Value));

    /// <summary>The values a parameter may take, as range checks and messages describe them.</summary>
    public static Interval Range(ModelParameterInfo parameter) => new(parameter.Minimum, parameter.Maximum);
}
