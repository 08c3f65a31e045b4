using GbaSim.Client.Output;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Reports;

/// <summary>What each variant's extra spending buys, on the console: yuan per additional unit of each outcome, or why it is not defined.</summary>
public static class CostTable
{
    public static void Show(IConsoleView view, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Costs is not { Count: > 0 } costs)
        {
            return;
        }
        var format = FigureFormatter.ForUser;
        var spending = FigureCatalogue.Summary("policySpending");
        var rows = costs.Select(c =>
        {
            var outcome = FigureCatalogue.Summary(c.Outcome);
            var cost = FigureCatalogue.Statistic(CostPerOutcome.FigureName(c.Outcome));
            return (IReadOnlyList<string>)
            [
                c.Variant,
                cost.Label,
                format.Change(spending, c.ExtraSpending.Mean),
                $"{format.Change(outcome, c.ExtraOutcome.Mean)} ({format.Change(outcome, c.ExtraOutcome.Low)} to {format.Change(outcome, c.ExtraOutcome.High)})",
                c.Defined ? format.Format(cost, c.YuanPerUnit) : "not defined",
                c.Defined ? $"{format.Format(cost, c.Low)} to {format.Format(cost, c.High)}" : c.Why ?? "",
            ];
        });
        string Short(string name) => FigureCatalogue.Statistic(name).Short;
        view.Table($"Cost per outcome: extra policy spending ÷ extra outcome, vs {report.Baseline} (yuan; {report.Replications} paired replications, Fieller's 95% interval)",
            ["variant", "cost", Short("extraSpending"), Short("difference"), "yuan per unit", $"{Short("ci")} or why not"], rows);
    }
}
