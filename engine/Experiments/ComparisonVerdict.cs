using GbaSim.Engine.Figures;
using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>The plain sentence a comparison row ends in, with the figure's label and unit from the catalogue.</summary>
public static class ComparisonVerdict
{
    public static string Say(string variant, Figure figure, PairedComparison statistics, double adjustedP, string finding, bool tested)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(statistics);
        var format = FigureFormatter.ForUser;
        var d = statistics.Difference;
        var p = format.Format(FigureCatalogue.Statistic("adjustedTTestP"), adjustedP);
        var interval = $"95% CI {format.Change(figure, d.Low)} to {format.Change(figure, d.High)}";
        return finding switch
        {
            Findings.Real => $"{variant} {(d.Mean > 0 ? "raises" : "lowers")} {figure.Label} by {Magnitude(format, figure, d.Mean)} ({interval}); adjusted p = {p}.",
            Findings.Input when ComparisonAnalysis.IsInput(figure.Name) =>
                $"{figure.Label} is an input, not a finding: {variant} sets it {Magnitude(format, figure, d.Mean)} {(d.Mean > 0 ? "higher" : "lower")} than the baseline.",
            Findings.Input =>
                $"{figure.Label} is reported as an input, not a finding: it is the same in every replication of each scenario, and {variant} has it {Magnitude(format, figure, d.Mean)} {(d.Mean > 0 ? "higher" : "lower")}.",
            _ when !tested && d.Mean == 0 => $"{variant} leaves {figure.Label} unchanged in every replication.",
            _ when !tested => $"{variant} changes {figure.Label} by exactly {format.Change(figure, d.Mean)} in every replication; a t-test needs the difference to vary, so these replications cannot judge it.",
            _ => $"{variant} cannot be told from the baseline on {figure.Label} with these replications: change {format.Change(figure, d.Mean)} ({interval}), adjusted p = {p}.",
        };
    }

    private static string Magnitude(FigureFormatter format, Figure figure, double value) =>
        figure.Format == FigureKinds.Percent ? format.Change(figure, Math.Abs(value)).TrimStart('+') : format.Describe(figure, Math.Abs(value));
}
