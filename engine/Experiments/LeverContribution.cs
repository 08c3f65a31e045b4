using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// One lever's contribution to a package on one figure: the package's figure less the figure of
/// the package without the lever, paired by replication (common random numbers), with its 95%
/// interval, and that contribution as a share of the package's whole effect on the figure.
/// The shares need not sum to one: levers can reinforce or undercut each other.
/// </summary>
public sealed record LeverContribution(string Package, string Lever, string Metric, PairedComparison Statistics, double ShareOfPackageEffect)
{
    /// <summary>The contributions of every lever of every package in the plan, from the package's runs and its removal runs.</summary>
    public static IReadOnlyList<LeverContribution> Of(ExperimentPlan plan, Func<string, string, double[]> values, IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(metrics);
        var contributions = new List<LeverContribution>();
        foreach (var removal in plan.Removals)
        {
            foreach (var metric in metrics)
            {
                var package = values(removal.Package, metric);
                var statistics = PairedComparison.Of(values(removal.Label, metric), package);
                var whole = package.Zip(values(plan.Baseline.Name, metric), (p, b) => p - b).DefaultIfEmpty(double.NaN).Average();
                var share = whole != 0 && double.IsFinite(whole) ? statistics.Difference.Mean / whole : double.NaN;
                contributions.Add(new LeverContribution(removal.Package, removal.Lever, metric, statistics, share));
            }
        }
        return contributions;
    }
}
