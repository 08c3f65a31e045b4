using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Yaml;

/// <summary>
/// The keys of one YAML mapping with a fixed set of valid keys. Unknown keys are reported when
/// it is made (with the closest valid key as a hint); the typed getters read one key's value.
/// A key written without a value (<c>end:</c>) counts as absent.
/// </summary>
internal sealed class MappingFields
{
    private readonly YamlReader _reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    /// <param name="what">The mapping as messages name it, e.g. "the policy".</param>
    public MappingFields(YamlReader reader, YamlMappingNode mapping, string what, IReadOnlyList<string> keys)
    {
        _reader = reader;
        What = what;
        Location = reader.At(mapping);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                reader.Error(keyNode, $"a key in {what} must be a plain name, not {YamlReader.Describe(keyNode)}");
            }
            else if (!keys.Contains(key, StringComparer.Ordinal))
            {
                reader.Error(keyNode, $"unknown key '{key}' in {what}", Suggestions.Hint(key, keys, "valid keys"));
            }
            else
            {
                _entries[key] = ((YamlScalarNode)keyNode, value);
            }
        }
    }

    public string What { get; }

    /// <summary>Where the mapping starts: where a missing key is reported.</summary>
    public SourceLocation Location { get; }

    /// <summary>The key's value, or null when the key is absent or has no value.</summary>
    public YamlNode? Node(string key) =>
        _entries.TryGetValue(key, out var entry) && !YamlReader.IsNull(entry.Value) ? entry.Value : null;

    /// <summary>Where the key itself was written, if it was.</summary>
    public SourceLocation? KeyLocation(string key) =>
        _entries.TryGetValue(key, out var entry) ? _reader.At(entry.Key) : null;

    /// <summary>The value of a key that must be present, or null after reporting it missing.</summary>
    public YamlNode? Required(string key)
    {
        if (Node(key) is { } node)
        {
            return node;
        }
        if (_entries.TryGetValue(key, out var entry))
        {
            _reader.Error(entry.Key, $"'{key}' has no value");
        }
        else
        {
            _reader.Diagnostics.Add(Location, $"required key '{key}' is missing from {What}");
        }
        return null;
    }

    public Located<string>? String(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.String(node, Quote(key)) : null;

    public Located<double>? Number(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Number(node, Quote(key)) : null;

    public Located<long>? Integer(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Integer(node, Quote(key)) : null;

    public Located<ulong>? Unsigned(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Unsigned(node, Quote(key)) : null;

    public Located<YearMonth>? Month(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Month(node, Quote(key)) : null;

    public Located<T>? Name<T>(string key, Vocabulary<T> vocabulary, bool required = false) =>
        Get(key, required) is { } node ? _reader.Name(node, Quote(key), vocabulary) : null;

    public YamlMappingNode? Mapping(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Mapping(node, Quote(key)) : null;

    public YamlSequenceNode? Sequence(string key, bool required = false) =>
        Get(key, required) is { } node ? _reader.Sequence(node, Quote(key)) : null;

    /// <summary>A list of names from a vocabulary; empty when the key is absent.</summary>
    public IReadOnlyList<Located<T>> Names<T>(string key, Vocabulary<T> vocabulary) =>
        Node(key) is { } node ? _reader.List(node, Quote(key), item => _reader.Name(item, $"an entry of '{key}'", vocabulary)) : [];

    private YamlNode? Get(string key, bool required) => required ? Required(key) : Node(key);

    private static string Quote(string key) => $"'{key}'";
}
