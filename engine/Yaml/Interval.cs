using System.Globalization;

namespace GbaSim.Engine.Yaml;

/// <summary>The values a number may take, and how messages describe them ("at least 0", "in [0, 1)").</summary>
internal readonly record struct Interval(double Min, double Max, bool MinOpen = false, bool MaxOpen = false)
{
    public static Interval AtLeast(double min) => new(min, double.PositiveInfinity);

    public static Interval Above(double min) => new(min, double.PositiveInfinity, MinOpen: true);

    public static Interval Share { get; } = new(0, 1);

    public static Interval ShareBelowOne { get; } = new(0, 1, MaxOpen: true);

    public bool Contains(double value) =>
        (MinOpen ? value > Min : value >= Min) && (MaxOpen ? value < Max : value <= Max);

    public override string ToString() => double.IsPositiveInfinity(Max)
        ? (MinOpen ? $"greater than {Show(Min)}" : $"at least {Show(Min)}")
        : $"in {(MinOpen ? '(' : '[')}{Show(Min)}, {Show(Max)}{(MaxOpen ? ')' : ']')}";

    public static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
