namespace GbaSim.Engine.Figures;

/// <summary>
/// The one list of every figure a run summary, a month or a comparison reports, in the order of
/// meaning; the CLI, the silo's API, the dashboard and the report all read their words from it.
/// </summary>
public static class FigureCatalogue
{
    public static IReadOnlyList<Figure> All { get; } = [.. SummaryFigures.All, .. MonthlyFigures.All, .. ChartFigures.All, .. StatisticFigures.All, .. CostFigures.All];

    private static readonly Dictionary<(string Kind, string Name), (Figure Figure, int Order)> ByKey =
        All.Select((f, i) => (f, i)).ToDictionary(x => (x.f.Kind, x.f.Name), x => (x.f, x.i));

    /// <summary>A summary key's entry, or a plain one naming the key when the catalogue lacks it (a figure added without words still shows).</summary>
    public static Figure Summary(string name) => Find(FigureKinds.Summary, name);

    public static Figure Monthly(string name) => Find(FigureKinds.Monthly, name);

    public static Figure Statistic(string name) => Find(FigureKinds.Statistic, name);

    /// <summary>An entry of any kind, such as <c>chain</c> or <c>flow</c>.</summary>
    public static Figure Of(string kind, string name) => Find(kind, name);

    public static bool Contains(string kind, string name) => ByKey.ContainsKey((kind, EntryName(name)));

    /// <summary>
    /// The catalogue entry a key belongs to: itself, or for a calendar year's figure
    /// (<c>year.2027.patentsGranted</c>) the family entry <c>year.YYYY.patentsGranted</c>.
    /// </summary>
    public static string EntryName(string name) =>
        YearKey.Match(name) is { Success: true } year ? $"year.{YearPlaceholder}.{year.Groups[2].Value}" : name;

    /// <summary>Keys in the catalogue's order of meaning; calendar years' figures and keys it lacks come last, alphabetically.</summary>
    public static IEnumerable<string> Ordered(string kind, IEnumerable<string> names) =>
        names.OrderBy(n => ByKey.TryGetValue((kind, n), out var e) ? e.Order : int.MaxValue).ThenBy(n => n, StringComparer.Ordinal);

    private const string YearPlaceholder = "YYYY";

    private static readonly System.Text.RegularExpressions.Regex YearKey = new(@"^year\.(\d{4})\.(.+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static Figure Find(string kind, string name)
    {
        if (ByKey.TryGetValue((kind, EntryName(name)), out var entry))
        {
            // A year's figure reads as its family's words with the year put in.
            return YearKey.Match(name) is { Success: true } year
                ? entry.Figure with
                {
                    Name = name,
                    Label = entry.Figure.Label.Replace(YearPlaceholder, year.Groups[1].Value, StringComparison.Ordinal),
                    Short = entry.Figure.Short.Replace(YearPlaceholder, year.Groups[1].Value, StringComparison.Ordinal),
                    Definition = entry.Figure.Definition.Replace(YearPlaceholder, year.Groups[1].Value, StringComparison.Ordinal),
                }
                : entry.Figure;
        }
        return new Figure(name, kind, name, name, "Not described in the figure catalogue.", "", "", "", FigureKinds.Neutral, FigureKinds.Plain);
    }
}
