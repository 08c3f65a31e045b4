using GbaSim.Engine.Yaml;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads a mapping from names (sectors, zones) to shares in [0, 1], as in <c>sectors: { ict: 0.25 }</c>.</summary>
internal static class ShareReader
{
    /// <param name="misplaced">Says why a valid name is not allowed here (a zone of another city), or null if it is.</param>
    public static Dictionary<T, double> Read<T>(YamlReader reader, YamlMappingNode? mapping, string key, Vocabulary<T> vocabulary, Func<T, string?>? misplaced = null)
        where T : notnull
    {
        var shares = new Dictionary<T, double>();
        if (mapping is null)
        {
            return shares;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = reader.Name(keyNode, $"a key of '{key}'", vocabulary);
            var what = $"the share of '{(keyNode as YamlScalarNode)?.Value}'";
            var share = reader.Diagnostics.Within(reader.Number(valueNode, what), Interval.Share, what);
            if (name is not { } n || share is not { } s)
            {
                continue;
            }
            if (misplaced?.Invoke(n.Value) is { } problem)
            {
                reader.Diagnostics.Add(n.Location, problem);
            }
            else
            {
                shares[n.Value] = s.Value;
            }
        }
        return shares;
    }
}
