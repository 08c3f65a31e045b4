using System.Globalization;
using GbaSim.Client.Commands;
using GbaSim.Client.Output;
using GbaSim.Engine.Calibration;

namespace GbaSim.Client.Reports;

/// <summary>A calibration on the console: the fitted parameters, then every target at the fit, hit or missed, held-out ones marked.</summary>
public static class CalibrationTable
{
    public static void Show(IConsoleView view, CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(report);
        view.Table($"Fitted parameters ({report.Evaluations} evaluations x {report.Replications} replication(s); objective {G(report.Objective)})",
            ["parameter", "fitted", "start", "range", ""],
            report.Parameters.Select(p => (IReadOnlyList<string>)[p.Name, G(p.Value), G(p.Start), $"{G(p.Minimum)} .. {G(p.Maximum)}", p.AtBound ? "at the range's edge" : ""]));
        view.Table("Targets at the fit", ["figure", "year", "target", "simulated", "95% CI", "error", "", "source"],
            report.Targets.Select(t => (IReadOnlyList<string>)
            [
                t.Figure, t.Year.ToString(CultureInfo.InvariantCulture), SummaryTable.Format(t.Figure, t.Target), SummaryTable.Format(t.Figure, t.Mean),
                double.IsFinite(t.Low) ? $"{SummaryTable.Format(t.Figure, t.Low)} .. {SummaryTable.Format(t.Figure, t.High)}" : "-",
                double.IsFinite(t.RelativeError) ? t.RelativeError.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "-",
                (t.Hit ? "hit" : "miss") + (t.HeldOut ? " (held out)" : ""),
                t.Source,
            ]));
        var fitted = report.Targets.Where(t => !t.HeldOut).ToArray();
        var held = string.Join(", ", report.Targets.Where(t => t.HeldOut).Select(t => $"{t.Figure} {t.Year} {(t.Hit ? "hit" : "missed")}"));
        view.Line($"{fitted.Count(t => t.Hit)} of {fitted.Length} fitted targets within tolerance; held out: {(held.Length > 0 ? held : "none")}.");
    }

    private static string G(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "-";
}
