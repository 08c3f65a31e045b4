using System.Globalization;

namespace GbaSim.Engine.Figures;

/// <summary>
/// Writes a figure's value the same way everywhere: shares as percentages, yuan grouped in
/// M/B (or 万/亿), counts with thousands separators, never in E-notation; values that do not
/// exist (a zero-variance effect size, say) as a dash.
/// </summary>
public sealed class FigureFormatter(NumberStyle style = NumberStyle.Western)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static FigureFormatter Default { get; } = new();

    /// <summary>The formatter for the user's locale (see <see cref="NumberStyles.FromEnvironment"/>).</summary>
    public static FigureFormatter ForUser { get; } = new(NumberStyles.FromEnvironment());

    public const string Missing = "–";

    public NumberStyle Style => style;

    /// <summary>The value alone, for a table whose heading names the unit.</summary>
    public string Format(Figure figure, double value)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (!double.IsFinite(value))
        {
            return Missing;
        }
        return figure.Format switch
        {
            FigureKinds.Percent => Plain(value * 100, 1) + "%",
            FigureKinds.Yuan => Yuan(value),
            FigureKinds.PValue => value < 0.001 ? "<0.001" : value.ToString("0.000", Invariant),
            FigureKinds.Months => Plain(value, 1),
            FigureKinds.Count => Math.Abs(value) >= 100 ? value.ToString("N0", Invariant) : Plain(value, 1),
            _ => Plain(value, 3),
        };
    }

    /// <summary>A change in the figure: signed, and in percentage points for shares.</summary>
    public string Change(Figure figure, double value)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (!double.IsFinite(value))
        {
            return Missing;
        }
        var sign = value > 0 ? "+" : value < 0 ? "−" : "";
        var magnitude = Math.Abs(value);
        return figure.Format == FigureKinds.Percent ? $"{sign}{Plain(magnitude * 100, 1)} pp" : sign + Format(figure, magnitude);
    }

    /// <summary>The value with its unit, for sentences: "12.5%", "1.23 B yuan", "4,621 technologies".</summary>
    public string Describe(Figure figure, double value)
    {
        var text = Format(figure, value);
        return text == Missing || figure.Format == FigureKinds.Percent || figure.Unit.Length == 0 || figure.Unit == "share"
            ? text
            : figure.Format == FigureKinds.Yuan ? $"{text} yuan".Replace("元 yuan", "元", StringComparison.Ordinal) : $"{text} {figure.Unit}";
    }

    /// <summary>Yuan in millions and billions, or 万 and 亿: 1,234,567,890 is "1.23 B" or "12.35亿元".</summary>
    public string Yuan(double value)
    {
        var magnitude = Math.Abs(value);
        var sign = value < 0 ? "-" : "";
        if (style == NumberStyle.Chinese)
        {
            return magnitude >= 1e8 ? $"{sign}{Plain(magnitude / 1e8, 2)}亿元"
                : magnitude >= 1e4 ? $"{sign}{Plain(magnitude / 1e4, 1)}万元"
                : $"{sign}{Plain(magnitude, 0)}元";
        }
        return magnitude >= 1e9 ? $"{sign}{Plain(magnitude / 1e9, 2)} B"
            : magnitude >= 1e6 ? $"{sign}{Plain(magnitude / 1e6, 1)} M"
            : sign + Plain(magnitude, 0);
    }

    /// <summary>Thousands separators and at most <paramref name="decimals"/> decimals, more only when they are all a small value has.</summary>
    private static string Plain(double value, int decimals)
    {
        if (Math.Abs(value) >= 1000)
        {
            return value.ToString("N0", Invariant);
        }
        if (value == 0)
        {
            return "0";
        }
        // A small value keeps two significant digits rather than rounding to 0.
        var digits = Math.Clamp(Math.Max(decimals, 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)))), 0, 12);
        return value.ToString("#,0." + new string('#', digits), Invariant);
    }
}
