namespace GbaSim.Engine.Yaml;

/// <summary>
/// Checks that numbers read from a file lie in their valid range. Each returns the value when it
/// is valid and null (after reporting it) when not, so later checks do not build on a bad value.
/// </summary>
internal static class RangeChecks
{
    public static Located<double>? Within(this Diagnostics diagnostics, Located<double>? value, string name, Interval interval) =>
        diagnostics.Within(value, interval, $"'{name}'");

    /// <param name="what">The value as the message names it, e.g. "the share of 'ict'".</param>
    public static Located<double>? Within(this Diagnostics diagnostics, Located<double>? value, Interval interval, string what)
    {
        if (value is not { } v || interval.Contains(v.Value))
        {
            return value;
        }
        diagnostics.Add(v.Location, $"{what} must be {interval}, not {Interval.Show(v.Value)}");
        return null;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], narrowed to an int.</summary>
    public static Located<int>? Within(this Diagnostics diagnostics, Located<long>? value, string name, int min, int max = int.MaxValue)
    {
        if (value is not { } v)
        {
            return null;
        }
        if (v.Value >= min && v.Value <= max)
        {
            return new((int)v.Value, v.Location);
        }
        var range = max != int.MaxValue ? $"in [{min}, {max}]" : v.Value < min ? $"at least {min}" : $"at most {max}";
        diagnostics.Add(v.Location, $"'{name}' must be {range}, not {v.Value}");
        return null;
    }
}
