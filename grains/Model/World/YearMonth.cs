using System.Globalization;

namespace GbaSim.Model.World;

/// <summary>A calendar month, the unit of simulated time (one step is a month by default).</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int Ordinal => (Year * 12) + Month - 1;

    public YearMonth AddMonths(int months)
    {
        var ordinal = Ordinal + months;
        return new YearMonth(ordinal / 12, (ordinal % 12) + 1);
    }

    public int MonthsUntil(YearMonth later) => later.Ordinal - Ordinal;

    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;

    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;

    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;

    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    /// <summary>Parses "2026-01" (or "2026-1").</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1900 || year > 2200 || month < 1 || month > 12)
        {
            return false;
        }
        value = new YearMonth(year, month);
        return true;
    }

    public DateTime FirstDay => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Utc);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
