using GbaSim.Engine.Figures;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// A run's headline figures for one city, from that city's stored months: the figures the
/// region's summary adds up from its cities' months (flows summed over the run, stocks read at
/// its last month), so the eleven cities' values add up to the region's. Ratios such as the
/// conversion rates and cross-border shares belong to the region alone.
/// </summary>
public static class CityHeadlines
{
    private sealed record Source(string Metric, string[] Monthly, bool Stock);

    private static readonly Source[] Sources =
    [
        new("technologyTransactionValue", ["transactionValue"], Stock: false),
        new("inventionPatents", ["inventionPatents"], Stock: false),
        new("patentsGranted", ["inventionPatents", "otherPatents"], Stock: false),
        new("newHighTechEnterprises", ["newHighTechEnterprises"], Stock: false),
        new("highTechEnterprises", ["highTechEnterprises"], Stock: true),
        new("firms", ["firms"], Stock: true),
        new("talentEmployed", ["talentEmployed"], Stock: true),
        new("facilityProjects", ["facilityProjects"], Stock: false),
    ];

    /// <summary>The summary keys a city has, in the catalogue's order.</summary>
    public static IReadOnlyList<string> Metrics { get; } = [.. FigureCatalogue.Ordered(FigureKinds.Summary, Sources.Select(s => s.Metric))];

    /// <summary>The city's headline figures from its months in order; an empty run has none.</summary>
    public static IReadOnlyDictionary<string, double> Of(IReadOnlyList<IReadOnlyDictionary<string, double>> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return new Dictionary<string, double>();
        }
        double Month(IReadOnlyDictionary<string, double> month, Source source) => source.Monthly.Sum(name => month.TryGetValue(name, out var v) ? v : 0);
        return Sources.ToDictionary(s => s.Metric, s => s.Stock ? Month(months[^1], s) : months.Sum(m => Month(m, s)), StringComparer.Ordinal);
    }
}
