using System.Globalization;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Yaml;

/// <summary>
/// Reads typed values out of one file's YAML nodes. Each method returns the value with its
/// location, or null after recording why the node is not what was expected; callers go on, so
/// that one pass finds every error in the file.
/// </summary>
/// <remarks><paramref name="what"/> names the value in messages, e.g. <c>'budget'</c>.</remarks>
internal sealed class YamlReader(string file, Diagnostics diagnostics)
{
    public string File { get; } = file;

    public Diagnostics Diagnostics { get; } = diagnostics;

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message, string? hint = null) => Diagnostics.Add(At(node), message, hint);

    public MappingFields Fields(YamlMappingNode mapping, string what, IReadOnlyList<string> keys) => new(this, mapping, what, keys);

    /// <summary>Whether the node is YAML's null: an empty value, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" } scalar
        && scalar.Tag.IsEmpty;

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }
        Error(node, $"{what} must be a mapping of keys to values, not {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }
        Error(node, $"{what} must be a list, not {Describe(node)}", node is YamlScalarNode ? "write a list as [a, b] or as lines starting with '- '" : null);
        return null;
    }

    public Located<string>? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && !IsNull(node))
        {
            return new(value, At(node));
        }
        Error(node, $"{what} must be text, not {Describe(node)}");
        return null;
    }

    public Located<double>? Number(YamlNode node, string what)
    {
        if (Plain(node, what, "a number") is not { } text)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return new(value, At(node));
        }
        Error(node, $"{what} must be a number, not '{text}'");
        return null;
    }

    public Located<long>? Integer(YamlNode node, string what)
    {
        if (Plain(node, what, "a whole number") is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new(value, At(node));
        }
        Error(node, $"{what} must be a whole number, not '{text}'");
        return null;
    }

    public Located<ulong>? Unsigned(YamlNode node, string what)
    {
        if (Plain(node, what, "a whole number") is not { } text)
        {
            return null;
        }
        if (ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new(value, At(node));
        }
        if (text.StartsWith('-') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            Error(node, $"{what} must be at least 0, not {text}");
        }
        else if (text.TrimStart('+').All(char.IsAsciiDigit) && text.Length > 0)
        {
            Error(node, $"{what} must be at most {ulong.MaxValue}, not {text}");
        }
        else
        {
            Error(node, $"{what} must be a whole number, not '{text}'");
        }
        return null;
    }

    public Located<YearMonth>? Month(YamlNode node, string what)
    {
        if (String(node, what) is not { } text)
        {
            return null;
        }
        if (YearMonth.TryParse(text.Value, out var month))
        {
            return new(month, text.Location);
        }
        Error(node, $"{what} must be a month written YYYY-MM, not '{text.Value}'", "for example 2026-01");
        return null;
    }

    /// <summary>A name from a vocabulary (a city, sector, policy type...), with a "did you mean" hint when unknown.</summary>
    public Located<T>? Name<T>(YamlNode node, string what, Vocabulary<T> vocabulary)
    {
        if (String(node, what) is not { } text)
        {
            return null;
        }
        if (vocabulary.Parse(text.Value, out var value))
        {
            return new(value, text.Location);
        }
        Error(node, $"unknown {vocabulary.Noun} '{text.Value}'", Suggestions.Hint(text.Value, vocabulary.Names, $"valid {vocabulary.Plural}", vocabulary.ListAll));
        return null;
    }

    /// <summary>The items of a list that could be read; each bad item has been reported.</summary>
    public IReadOnlyList<Located<T>> List<T>(YamlNode node, string what, Func<YamlNode, Located<T>?> readItem)
    {
        if (Sequence(node, what) is not { } sequence)
        {
            return [];
        }
        var items = new List<Located<T>>(sequence.Children.Count);
        foreach (var child in sequence.Children)
        {
            if (readItem(child) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } scalar => $"the quoted text '{scalar.Value}'",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    /// <summary>The text of an unquoted scalar, where a number is expected; quoted text is a string in YAML.</summary>
    private string? Plain(YamlNode node, string what, string expected)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text } && !IsNull(node))
        {
            return text;
        }
        Error(node, $"{what} must be {expected}, not {Describe(node)}", node is YamlScalarNode && !IsNull(node) ? "remove the quotes" : null);
        return null;
    }
}
