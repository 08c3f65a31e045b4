using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GbaSim.Silo.Api;

/// <summary>
/// A number from a query string, checked to be a finite number in range; anything else is a 400
/// problem that names the parameter, the range and what was sent. Absent parameters are null.
/// </summary>
public readonly record struct QueryNumber<T>(T? Value, ProblemHttpResult? Problem)
    where T : struct;

public static class QueryNumber
{
    public static QueryNumber<int> Int(string name, string? text, int min, int max)
    {
        if (text is null)
        {
            return default;
        }
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? new(value, null)
            : new(null, Problems.BadArgument($"{name} must be a whole number from {min} to {max}; got '{text}'."));
    }

    public static QueryNumber<ulong> UInt64(string name, string? text)
    {
        if (text is null)
        {
            return default;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new(value, null)
            : new(null, Problems.BadArgument($"{name} must be a whole number from 0 to {ulong.MaxValue}; got '{text}'."));
    }

    /// <summary>A finite number greater than <paramref name="above"/> and at most <paramref name="max"/>.</summary>
    public static QueryNumber<double> Double(string name, string? text, double above, double max)
    {
        if (text is null)
        {
            return default;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > above && value <= max
            ? new(value, null)
            : new(null, Problems.BadArgument(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number in ({above}, {max}]; got '{text}'.")));
    }
}
