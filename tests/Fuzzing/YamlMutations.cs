using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace GbaSim.Tests.Fuzzing;

/// <summary>
/// Mutations of real scenario and world files: the near misses a person or a broken tool
/// writes (a line lost, doubled or moved, a character changed, a tab, a cut-off file) and what
/// an attacker sends (huge numbers, deep nesting, aliases multiplying values, NULs, very long
/// lines, paths to files outside the library). Each mutation picks its place from a number
/// drawn by FsCheck, so that a failing case can be replayed from its seed.
/// </summary>
internal static partial class YamlMutations
{
    /// <summary>The document after one to five mutations.</summary>
    public static Gen<string> Of(string document) =>
        from count in Gen.Choose(1, 5)
        from mutations in Mutation.ListOf(count)
        select mutations.Aggregate(document, (text, mutate) => mutate(text));

    private static readonly string[] Fragments =
    [
        "extends: base.yaml", "extends: gba-baseline.yaml", "world: worlds/gba.yaml", "world: worlds/tiny.yaml", "policies:", "  - name: extra",
        "    type: pilot-platform", "    budget: -1", "sweep:", "  - policy: nothing", "fork: { at: 2026-01 }", "fork: 2026-01", "seed: -1",
        "horizon: 0", "end: 1999-01", "scale: 0", "start: 2025-13", "step: quarter", "name:", "name: ''", "- - -", "? [a, b]", ": c",
        "!!binary aGVsbG8=", "%YAML 1.1", "%TAG ! tag:example.com,2000:", "---", "...", "key: &a value", "ref: *a", "<<: *a", "'unterminated",
        "\"unterminated", "\"\\u0000\\uD800\"", "{", "[", "}", "]", "name: \t", "\t- x", "!custom tag", "&anchor", "*", "|", ">-", "# comment",
        "@reserved", "`backtick", "cities: [Shenzhen, Shenzhen]", "between: [Hong Kong, Hong Kong]", "parameters: { unknownParameter: 1 }",
        "talentLevels: [1, 1, 1]", "sectors: { ict: 2 }", "zones: { nowhere: 0.5 }", "institutions: [{ key: x }]", "links: [[], {}]",
        "values: [" + string.Join(", ", Enumerable.Range(0, 60)) + "]", "range: { from: 0, to: 1000000, step: 0.0000001 }",
    ];

    private static readonly string[] Numbers =
    [
        "99999999999999999999999999", "1e400", "-1e400", "1e-400", ".inf", "-.inf", ".nan", "NaN", "Infinity", "0x7fffffff", "0o777", "-0",
        "18446744073709551616", "-9223372036854775809", "9223372036854775808", "2147483648", "1_000", "+12", "12.", "1e", "--1", "0.1.2",
        "12 months", "١٢",
    ];

    private static readonly string[] HostilePaths =
    [
        "/etc/passwd", "/etc/shadow", "/dev/zero", "/dev/random", "/dev/stdin", "/proc/self/environ", "/proc/self/mem",
        "../../../../../../../../etc/hostname", "../../../../../../../../etc/passwd", "worlds", ".", "..", "", "/", "~/.ssh/id_rsa",
        "C:\\Windows\\win.ini", "\\\\server\\share\\x.yaml", "file:///etc/passwd", "http://127.0.0.1/x.yaml", "worlds/../../../etc/passwd",
        "worlds/gba.yaml/..", new string('a', 5000) + ".yaml", "x\u0001.yaml", "\"quoted\\0nul.yaml\"",
    ];

    /// <summary>Characters that mean something to YAML, or to a reader of text.</summary>
    private static readonly char[] Interesting =
    [
        ':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '"', '\'', '#', '%', '@', '`', ',', '?', ' ', '\t', '\n', '\r', '\0', '\\',
        '\u00a0', '\u2028', '\u202e', '\ufeff', '\ud800', '\udc00', '\uffff', '\u0085', 'é', '深',
    ];

    private static Gen<int> Position => Gen.Choose(0, int.MaxValue);

    private static Gen<Func<string, string>> Mutation => Gen.Frequency(
    [
        (6, Position.Select(Mutate(DeleteLine))),
        (4, Position.Select(Mutate(DuplicateLine))),
        (3, Position.Two().Select(p => Edit(t => SwapLines(t, p.Item1, p.Item2)))),
        (5, Gen.Zip(Position, Gen.Elements(Fragments)).Select(p => Edit(t => InsertLine(t, p.Item1, p.Item2)))),
        (5, Gen.Zip(Position, Gen.Elements(Interesting)).Select(p => Edit(t => ReplaceChar(t, p.Item1, p.Item2)))),
        (3, Gen.Zip(Position, ArbMap.Default.GeneratorFor<char>()).Select(p => Edit(t => InsertChar(t, p.Item1, p.Item2)))),
        (4, Gen.Zip(Position, Gen.Elements(Numbers)).Select(p => Edit(t => ReplaceNumber(t, p.Item1, p.Item2)))),
        (2, Gen.Zip(Position, Gen.Elements(1, 10, 63, 64, 65, 1000, 200_000)).Select(p => Edit(t => Nest(t, p.Item1, p.Item2)))),
        (2, Position.Select(Mutate(Laughs))),
        (3, Position.Select(Mutate(Tabs))),
        (2, Gen.Zip(Position, Gen.Elements(1000, 100_000, 1_100_000)).Select(p => Edit(t => LongLine(t, p.Item1, p.Item2)))),
        (4, Gen.Zip(Position, Gen.Elements(HostilePaths)).Select(p => Edit(t => HostilePath(t, p.Item1, p.Item2)))),
        (2, Gen.Zip(Position, Gen.Elements(-2, -1, 1, 2, 3)).Select(p => Edit(t => Indent(t, p.Item1, p.Item2)))),
        (2, Position.Select(Mutate(Truncate))),
        (1, Gen.Elements<Func<string, string>>(t => "\ufeff" + t, t => t.Replace("\n", "\r\n", StringComparison.Ordinal), t => t.Replace("\n", "\r", StringComparison.Ordinal), t => t + "\0", t => t.ToUpperInvariant())),
    ]);

    /// <summary>Wraps a mutation so that every generated value is a fresh function (FsCheck may print it).</summary>
    /// <summary>A mutation that needs nothing but its place.</summary>
    private static Func<int, Func<string, string>> Mutate(Func<string, int, string> mutation) => at => text => mutation(text, at);

    /// <summary>A mutation written in place, with what it drew already bound.</summary>
    private static Func<string, string> Edit(Func<string, string> mutation) => mutation;

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static string DeleteLine(string text, int at) => Edit(text, at, (lines, i) => lines.RemoveAt(i));

    private static string DuplicateLine(string text, int at) => Edit(text, at, (lines, i) => lines.Insert(i, lines[i]));

    private static string SwapLines(string text, int at, int other) => Edit(text, at, (lines, i) => (lines[i], lines[other % lines.Count]) = (lines[other % lines.Count], lines[i]));

    private static string InsertLine(string text, int at, string line) => Edit(text, at, (lines, i) => lines.Insert(i, line));

    private static string Tabs(string text, int at) => Edit(text, at, (lines, i) => lines[i] = LeadingSpaces().Replace(lines[i], m => new string('\t', Math.Max(1, m.Length / 2))));

    private static string Indent(string text, int at, int by) => Edit(text, at, (lines, i) => lines[i] = by > 0 ? new string(' ', by) + lines[i] : lines[i].Length >= -by && lines[i][..(-by)].Trim().Length == 0 ? lines[i][(-by)..] : lines[i]);

    private static string Nest(string text, int at, int depth) => InsertLine(text, at, $"deep: {new string('[', depth)}1{new string(']', at % 2 == 0 ? depth : 0)}");

    private static string LongLine(string text, int at, int length) => InsertLine(text, at, $"description: {new string(at % 2 == 0 ? 'x' : '9', length)}");

    private static string Laughs(string text, int at)
    {
        var laughs = new StringBuilder("lol0: &l0 lol\n");
        for (var level = 1; level <= 9; level++)
        {
            laughs.Append(CultureInfo.InvariantCulture, $"lol{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9))}]\n");
        }
        // At the top (extra keys), in place of a value the reader walks (policies, cities), or as a mapping key, which YAML hashes whole.
        return (at % 4) switch
        {
            0 => laughs + text,
            1 => text + "\npolicies: *l9\n" + laughs,
            2 => laughs + text.Replace("cities:", "cities: *l9\nx:", StringComparison.Ordinal),
            _ => laughs + "? *l9\n: x\n" + text,
        };
    }

    private static string HostilePath(string text, int at, string path)
    {
        var key = at % 2 == 0 ? "extends" : "world";
        var replaced = Regex.Replace(text, $"^{key}:.*$", $"{key}: {path}", RegexOptions.Multiline);
        return replaced == text ? $"{key}: {path}\n{text}" : replaced;
    }

    private static string ReplaceChar(string text, int at, char c) =>
        text.Length == 0 ? c.ToString() : string.Concat(text.AsSpan(0, at % text.Length), c.ToString(), text.AsSpan(at % text.Length + 1));

    private static string InsertChar(string text, int at, char c) => text.Insert(at % (text.Length + 1), c.ToString());

    private static string ReplaceNumber(string text, int at, string number)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0)
        {
            return text;
        }
        var match = numbers[at % numbers.Count];
        return string.Concat(text.AsSpan(0, match.Index), number, text.AsSpan(match.Index + match.Length));
    }

    private static string Truncate(string text, int at) => text[..(at % (text.Length + 1))];

    private static string Edit(string text, int at, Action<List<string>, int> edit)
    {
        var lines = Lines(text);
        edit(lines, at % lines.Count);
        return Join(lines);
    }

    [GeneratedRegex(@"^ +")]
    private static partial Regex LeadingSpaces();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();
}
