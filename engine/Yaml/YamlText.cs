using System.Text;
using GbaSim.Engine.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Yaml;

/// <summary>
/// Turns a file's text into its YAML node tree, reporting malformed YAML where it was found.
/// Text from anyone (a silo takes scenarios over HTTP) must not cost unbounded time, memory or
/// stack, so the text, its nesting and its number of values are capped, and aliases (which let
/// a few lines stand for billions of values) are refused: scenario and world files need none.
/// </summary>
internal static class YamlText
{
    /// <summary>Deeper than any scenario or world needs (they go five levels deep); far from what would exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most values (scalars, lists and mappings) one file may hold; the repository's world holds about 6,000.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The root node of the file's single document, or null (with an error recorded) if there is none.</summary>
    public static YamlNode? Parse(string text, string file, Diagnostics diagnostics)
    {
        // Counting characters first spares counting the bytes of text that has too many characters already.
        if (text.Length > ScenarioFiles.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > ScenarioFiles.MaxFileBytes)
        {
            diagnostics.Add(new SourceLocation(file, 1, 1), $"the text is larger than {ScenarioFiles.MaxFileBytes / (1024 * 1024)} MiB", "scenario and world files are at most 1 MiB");
            return null;
        }
        var parser = new GuardedParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlLimitException e)
        {
            diagnostics.Add(At(file, e.At), e.Message, e.Hint);
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(At(file, e.Start), $"the YAML is malformed: {Sentence(e.Message)}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet reports a few malformed inputs (such as an unclosed '[') without a position; the last event read is the nearest one.
            diagnostics.Add(At(file, parser.LastGoodEnd), "the YAML is malformed after this point (is a bracket, brace or quote left open?)");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Add(new SourceLocation(file, 1, 1), "the file is empty");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(At(file, stream.Documents[1].RootNode.Start), "the file holds more than one YAML document; remove the '---' separator");
        }
        return stream.Documents[0].RootNode;
    }

    private static SourceLocation At(string file, Mark mark) =>
        new(file, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? "unexpected input" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }

    /// <summary>
    /// Passes the parser's events on, stopping at the first alias, at nesting deeper than
    /// <see cref="MaxDepth"/> and at more than <see cref="MaxNodes"/> values, before the node tree
    /// is built from them; and remembers where the last successfully parsed event ended.
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        private int _depth;
        private int _nodes;

        public Mark LastGoodEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
            {
                LastGoodEnd = current.End;
            }
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case AnchorAlias alias:
                    throw new YamlLimitException(alias.Start, "aliases (*name) are not allowed in scenario and world files", "write the value out where it is used");
                case NodeEvent node when ++_nodes > MaxNodes:
                    throw new YamlLimitException(node.Start, $"the file holds more than {MaxNodes} values");
                case MappingStart or SequenceStart when ++_depth > MaxDepth:
                    throw new YamlLimitException(inner.Current.Start, $"lists and mappings are nested more than {MaxDepth} levels deep here");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }
            return true;
        }
    }

    /// <summary>Text beyond what <see cref="GuardedParser"/> lets through.</summary>
    private sealed class YamlLimitException(Mark at, string message, string? hint = null) : Exception(message)
    {
        public Mark At { get; } = at;

        public string? Hint { get; } = hint;
    }
}
