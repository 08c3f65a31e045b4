using GbaSim.Client.Output;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Reports;

/// <summary>A comparison city by city on the console: each variant's change in every city, the cities adding up to the region.</summary>
public static class CityTable
{
    public static void Show(IConsoleView view, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Cities is not { Count: > 0 } cities)
        {
            return;
        }
        var format = FigureFormatter.ForUser;
        var metrics = cities.Select(c => c.Metric).Distinct().ToArray();
        var figures = metrics.Select(FigureCatalogue.Summary).ToArray();
        foreach (var variant in cities.Where(c => c.Difference is not null).GroupBy(c => c.Scenario))
        {
            var byCity = variant.GroupBy(c => c.City).ToArray();
            var rows = byCity.Select(city => (IReadOnlyList<string>)
                [city.Key, .. figures.Select(f => format.Change(f, city.First(c => c.Metric == f.Name).Difference!.Mean))]).ToList();
            rows.Add(["all cities", .. figures.Select(f => format.Change(f, variant.Where(c => c.Metric == f.Name).Sum(c => c.Difference!.Mean)))]);
            view.Table($"{variant.Key} vs {report.Baseline}, change by city (mean over {report.Replications} paired replications; intervals in summary.json and the report)",
                ["city", .. figures.Select(f => f.Short)], rows);
        }
    }
}
