using GbaSim.Model.Municipalities;
using GbaSim.Model.World;

namespace GbaSim.Engine.Calibration;

/// <summary>
/// A run's region figures by calendar year, as statistics publish them: a stock (firms,
/// enterprises, people) at the year's last month, a flow (patents, deals, projects) summed over
/// its months, and derived figures (<c>patentsGranted</c>, <c>inventionShare</c>,
/// <c>facilityProjectsHkMacaoShare</c>, <c>rdPersonnel</c>). Calibration prefers the run summary's
/// own yearly figures where it states them (see <see cref="CalibrationFit"/>).
/// </summary>
public static class YearlyFigures
{
    /// <summary>Figures that count what exists at a moment rather than what happened during the month.</summary>
    public static IReadOnlySet<string> Stocks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "firms", "highTechEnterprises", "startUps", "incubated", "talentEmployed", "products", "researchers", "talentPool",
    };

    public const string PatentsGranted = "patentsGranted";

    public const string InventionShare = "inventionShare";

    public const string FacilityProjectsHkMacaoShare = "facilityProjectsHkMacaoShare";

    public const string RdPersonnel = "rdPersonnel";

    /// <summary>Every figure a target may name: the monthly region figures, the derived ones and those the run summary states by year.</summary>
    public static IReadOnlyList<string> Names =>
        CityFigures.Names.Append(PatentsGranted).Append(InventionShare).Append(FacilityProjectsHkMacaoShare).Append(RdPersonnel)
            .Concat(Runs.YearlyFigures.Names).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The figure in <paramref name="year"/>, or NaN when the run did not simulate all of that year or lacks the figure.</summary>
    public static double Of(IReadOnlyList<IReadOnlyDictionary<string, double>> months, YearMonth start, string figure, int year)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(figure);
        var first = start.MonthsUntil(new YearMonth(year, 1));
        var last = first + 11;
        if (first < 0 || last >= months.Count)
        {
            return double.NaN;
        }
        return figure switch
        {
            PatentsGranted => Sum(months, first, last, "inventionPatents") + Sum(months, first, last, "otherPatents"),
            InventionShare => Sum(months, first, last, "inventionPatents") / (Sum(months, first, last, "inventionPatents") + Sum(months, first, last, "otherPatents")),
            RdPersonnel => months[last].GetValueOrDefault("talentEmployed", double.NaN) + months[last].GetValueOrDefault("researchers", double.NaN),
            FacilityProjectsHkMacaoShare => Sum(months, first, last, "facilityProjectsHkMacao") / Sum(months, first, last, "facilityProjects"),
            _ when Stocks.Contains(figure) => months[last].GetValueOrDefault(figure, double.NaN),
            _ => Sum(months, first, last, figure),
        };
    }

    /// <summary>The years a run from <paramref name="start"/> over <paramref name="horizonMonths"/> simulates whole.</summary>
    public static IEnumerable<int> WholeYears(YearMonth start, int horizonMonths)
    {
        var end = start.AddMonths(horizonMonths - 1);
        var firstYear = start.Month == 1 ? start.Year : start.Year + 1;
        var lastYear = end.Month == 12 ? end.Year : end.Year - 1;
        return Enumerable.Range(firstYear, Math.Max(0, lastYear - firstYear + 1));
    }

    private static double Sum(IReadOnlyList<IReadOnlyDictionary<string, double>> months, int first, int last, string figure)
    {
        var total = 0.0;
        for (var m = first; m <= last; m++)
        {
            total += months[m].GetValueOrDefault(figure, double.NaN);
        }
        return total;
    }
}
