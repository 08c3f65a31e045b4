using static GbaSim.Engine.Figures.FigureKinds;

namespace GbaSim.Engine.Figures;

/// <summary>The columns of a comparison of a variant with its baseline.</summary>
internal static class StatisticFigures
{
    private static Figure F(string name, string label, string @short, string definition, string unit, string format) =>
        new(name, Statistic, label, @short, definition, unit, Comparison, Run, Neutral, format);

    public static IReadOnlyList<Figure> All { get; } =
    [
        F("baseline", "Baseline mean", "baseline", "The figure's mean over the baseline's replications.", "", Plain),
        F("variant", "Variant mean", "variant", "The figure's mean over the variant's replications.", "", Plain),
        F("difference", "Difference", "difference", "Variant minus baseline, replication by replication (same seeds), averaged.", "", Plain),
        F("ci", "95% confidence interval", "95% CI", "Student's t interval of the mean difference; excluding zero means the sign is established at 5%.", "", Plain),
        F("adjustedTTestP", "Adjusted p (paired t)", "p (t)", "Two-sided paired t-test p-value, Holm-adjusted over every comparison made.", "", PValue),
        F("adjustedWilcoxonP", "Adjusted p (Wilcoxon)", "p (Wilcoxon)", "Two-sided Wilcoxon signed-rank p-value, Holm-adjusted; with n replications it cannot fall below 2 ÷ 2ⁿ.", "", PValue),
        F("effectSize", "Effect size d_z", "d_z", "Mean difference ÷ its standard deviation; not defined when the difference never varies.", "", Plain),
        F("extraSpending", "Extra policy spending", "extra spending", "The variant's policy spending minus the baseline's, averaged over replications.", "yuan", Yuan),
        F("changePer100MillionYuan", "Change per 100 M yuan of extra spending", "per 100 M yuan", "The mean difference ÷ (extra policy spending ÷ 100 million yuan); only where the variant spends more and the figure is an outcome.", "", Plain),
        F("cityMean", "Mean in the city", "city mean", "The figure counted in one city only (its firms, institutions and transfer centres), averaged over the scenario's replications with its 95% interval; the eleven cities add up to the region's value.", "", Plain),
        F("cityDifference", "Change in the city", "city change", "Variant minus baseline in one city, replication by replication (same seeds), averaged, with its 95% interval.", "", Plain),
        F("verdict", "Verdict", "verdict", "real: the Holm-adjusted t-test is below 5% and the interval excludes zero; noise: the replications cannot tell; input: the figure is set by the scenario or never varies.", "", Plain),
    ];
}
