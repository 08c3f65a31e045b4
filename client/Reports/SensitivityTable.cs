using System.Globalization;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Engine.Sensitivity;

namespace GbaSim.Client.Reports;

/// <summary>A sensitivity analysis on the console: for each output, its most influential parameters with their indices and intervals.</summary>
public static class SensitivityTable
{
    /// <summary>Rows per output on the console; the files hold every parameter.</summary>
    public const int Shown = 10;

    public static void Show(IConsoleView view, SensitivityReport report)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(report);
        var morris = report.Method == "morris";
        foreach (var output in report.Outputs)
        {
            var title = $"{output.Output}: {report.Method}, {report.Points} points x {report.Replications} replication(s); mean {SummaryTable.Format(output.Output, output.Mean)}";
            string[] headers = morris ? ["rank", "parameter", "mu*", "95% CI", "mu", "sigma"] : ["rank", "parameter", "total ST", "95% CI", "first S", "95% CI"];
            view.Table(title, headers, output.Ranking.Take(Shown).Select(i => (IReadOnlyList<string>)(morris
                ? [Rank(i), i.Factor, InUnits(output.Output, i.MuStar!.Value), Interval(i.MuStar, v => InUnits(output.Output, v)), InUnits(output.Output, i.Mu!.Value), InUnits(output.Output, i.Sigma!.Value)]
                : [Rank(i), i.Factor, Share(i.Total!.Value), Interval(i.Total, Share), Share(i.First!.Value), Interval(i.First, Share)])));
        }
        foreach (var skipped in report.Skipped)
        {
            view.Line($"Not analysed: {skipped}.");
        }
    }

    private static string Rank(FactorIndex index) => index.Rank.ToString(CultureInfo.InvariantCulture);

    private static string Interval(Estimate? estimate, Func<double, string> format) => estimate is null ? "" : $"{format(estimate.Low)} .. {format(estimate.High)}";

    /// <summary>Morris indices are changes of the output itself, so they read in its units.</summary>
    private static string InUnits(string output, double value) => double.IsFinite(value) ? SummaryTable.Format(output, value) : "-";

    /// <summary>Sobol indices are shares of variance.</summary>
    private static string Share(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
