using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Commands;

/// <summary>The region's (or a city's) months folded into years: stocks at the year's end, flows summed over the year, so no monthly value sits under a yearly heading.</summary>
public static class YearTable
{
    private static readonly string[] Shown = ["highTechEnterprises", "firms", "talentEmployed", "inventionPatents", "otherPatents", "transactionValue"];

    public static void Show(IConsoleView view, string place, IReadOnlyList<MonthInfo> months)
    {
        var figures = Shown.Select(FigureCatalogue.Monthly).ToArray();
        var headers = new List<string> { "year" };
        headers.AddRange(figures.Select(Heading));
        var rows = months.GroupBy(m => m.YearMonth[..4]).Select(year =>
        {
            var inYear = year.ToArray();
            var label = inYear.Length == 12 ? year.Key : $"{year.Key} ({inYear.Length} months)";
            return (IReadOnlyList<string>)[label, .. figures.Select(f => SummaryTable.Value(f, Fold(f, inYear)))];
        });
        view.Table($"{place}, year by year (stocks at the year's last month, flows summed over the year)", headers, rows);
    }

    private static string Heading(Figure figure) =>
        $"{figure.Short}, {(figure.OverTime == FigureKinds.Sum ? "year total" : "year end")}{(figure.Format == FigureKinds.Yuan ? " (yuan)" : "")}";

    private static double Fold(Figure figure, IReadOnlyList<MonthInfo> months)
    {
        double Value(MonthInfo m) => m.Figures.TryGetValue(figure.Name, out var v) ? v : double.NaN;
        return figure.OverTime == FigureKinds.Sum ? months.Sum(Value) : Value(months[^1]);
    }
}
