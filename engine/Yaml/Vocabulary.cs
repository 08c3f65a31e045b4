namespace GbaSim.Engine.Yaml;

/// <summary>Parses a name as written in a file; the shape of the domain types' <c>TryParse</c> methods.</summary>
internal delegate bool NameParser<T>(string name, out T value);

/// <summary>
/// A set of names a value may take (cities, sectors, policy types...): how to parse one and
/// which to offer when a name is unknown.
/// </summary>
/// <param name="Noun">What a name denotes, for messages: "unknown city 'Shenzen'".</param>
/// <param name="Plural">The noun in the plural, for hints: "valid cities: ...".</param>
/// <param name="ListAll">Whether the hint lists every valid name even when a close one is found.</param>
internal sealed record Vocabulary<T>(string Noun, string Plural, NameParser<T> Parse, IReadOnlyList<string> Names, bool ListAll = false);
