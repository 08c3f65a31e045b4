using GbaSim.Engine.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Yaml;

/// <summary>Turns a file's text into its YAML node tree, reporting malformed YAML where it was found.</summary>
internal static class YamlText
{
    /// <summary>The root node of the file's single document, or null (with an error recorded) if there is none.</summary>
    public static YamlNode? Parse(string text, string file, Diagnostics diagnostics)
    {
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
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
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? "unexpected input" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }

    /// <summary>Remembers where the last successfully parsed event ended.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGoodEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (inner.Current is { } current)
            {
                LastGoodEnd = current.End;
            }
            return inner.MoveNext();
        }
    }
}
