using System.Text.RegularExpressions;

namespace GbaSim.Client.Commands;

/// <summary>The command line's parse errors in plain words: a value of the wrong kind names the kind a person would (a whole number, 0 or more), never a .NET type.</summary>
public static partial class ArgumentErrors
{
    public static string Plain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = WrongType().Match(message);
        if (!match.Success)
        {
            return message;
        }
        var (value, target, type) = (match.Groups["value"].Value, match.Groups["target"].Value, match.Groups["type"].Value);
        var subject = target.Length > 0 ? target : "The value";
        return $"{subject} must be {Kind(type)}; got '{value}'.{match.Groups["rest"].Value}";
    }

    private static string Kind(string type) => type switch
    {
        _ when type.Contains("UInt64", StringComparison.Ordinal) => "a whole number from 0 to 18446744073709551615",
        _ when type.Contains("UInt32", StringComparison.Ordinal) => "a whole number, 0 or more",
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number such as 0.05",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("DirectoryInfo", StringComparison.Ordinal) || type.Contains("FileInfo", StringComparison.Ordinal) => "a path",
        _ => "a valid value",
    };

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*?)'(?: for (?:option|command) '(?<target>[^']*)')? as expected type '(?<type>[^']*)'\.?(?<rest>.*)", RegexOptions.Singleline)]
    private static partial Regex WrongType();
}
