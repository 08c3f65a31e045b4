using GbaSim.Engine.Figures;
using GbaSim.Engine.Statistics;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// What a variant's extra policy spending buys: its extra spending over the baseline divided by
/// its extra outcome, replication by replication paired (common random numbers), with Fieller's
/// 95% interval. Not defined, and said so in <see cref="Note"/>, when the variant does not spend
/// more, or when the change in the outcome cannot be told from zero or is a fall.
/// </summary>
public sealed record CostPerOutcome(
    string Variant,
    string Outcome,
    SampleSummary ExtraSpending,
    SampleSummary ExtraOutcome,
    double YuanPerUnit,
    double Low,
    double High,
    bool Defined,
    string Note,
    string? Why = null)
{
    /// <summary>The short reasons a cost is not defined, for narrow tables.</summary>
    public const string NoExtraSpending = "no extra spending";
    public const string NotDistinguishable = "change not told from 0";
    public const string Falls = "outcome falls";

    /// <summary>The outcomes a cost is given for: technologies commercialised, high-tech enterprises, firms' R&amp;D staff and invention patents.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = ["technologiesCommercialized", "highTechEnterprises", "talentEmployed", "inventionPatents"];

    /// <summary>The catalogue entry of the cost of an outcome (<c>costPer.OUTCOME</c>).</summary>
    public static string FigureName(string outcome) => $"costPer.{outcome}";

    public static CostPerOutcome Of(string variant, string outcome, IReadOnlyList<double> extraSpending, IReadOnlyList<double> extraOutcome)
    {
        ArgumentNullException.ThrowIfNull(extraSpending);
        ArgumentNullException.ThrowIfNull(extraOutcome);
        var spending = SampleSummary.Of(extraSpending);
        var change = SampleSummary.Of(extraOutcome);
        var format = FigureFormatter.ForUser;
        var figure = FigureCatalogue.Summary(outcome);
        var cost = FigureCatalogue.Statistic(FigureName(outcome));
        CostPerOutcome Undefined(string why, string reason) => new(variant, outcome, spending, change, double.NaN, double.NaN, double.NaN, false, $"{cost.Label}: not defined, {why}.", reason);
        if (!(spending.Mean > 0))
        {
            return Undefined($"{variant} spends no more than the baseline", NoExtraSpending);
        }
        // A constant change has no interval but is known exactly; a varying one must exclude zero.
        var known = change.Count >= 2 && (change.StandardDeviation == 0 ? change.Mean != 0 : change.ExcludesZero);
        if (!known)
        {
            var interval = double.IsFinite(change.Low) ? $" (95% CI {format.Change(figure, change.Low)} to {format.Change(figure, change.High)})" : "";
            return Undefined($"the change in {figure.Label} cannot be told from zero{interval}", NotDistinguishable);
        }
        if (change.Mean < 0)
        {
            return Undefined($"{variant} lowers {figure.Label} while spending more", Falls);
        }
        var ratio = PairedRatio.Of(extraSpending, extraOutcome);
        return new CostPerOutcome(variant, outcome, spending, change, ratio.Ratio, ratio.Low, ratio.High, true,
            $"{cost.Label}: {format.Describe(cost, ratio.Ratio)} (95% CI {format.Format(cost, ratio.Low)} to {format.Format(cost, ratio.High)}).");
    }
}
