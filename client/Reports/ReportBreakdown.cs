using System.Net;
using System.Text;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Reports;

/// <summary>The report's sections beyond the region's tests: every scenario city by city, and what each variant's extra spending buys.</summary>
internal static class ReportBreakdown
{
    private static FigureFormatter Format => FigureFormatter.ForUser;

    private static string Cell(string text, string? title = null, string? @class = null) =>
        $"<td{(@class is null ? "" : $" class=\"{@class}\"")}{(title is null ? "" : $" title=\"{WebUtility.HtmlEncode(title)}\"")}>{WebUtility.HtmlEncode(text)}</td>";

    private static string Header(Figure figure) => $"<th title=\"{WebUtility.HtmlEncode(figure.Definition)}\">{WebUtility.HtmlEncode(figure.Heading)}</th>";

    /// <summary>One table per scenario: the baseline's mean in each city, each variant's change there, with 95% intervals.</summary>
    public static void Cities(StringBuilder html, ComparisonReport report)
    {
        if (report.Cities is not { Count: > 0 } cities)
        {
            return;
        }
        var figures = cities.Select(c => c.Metric).Distinct().Select(FigureCatalogue.Summary).ToArray();
        html.Append("<h2>By city</h2><p>").Append(WebUtility.HtmlEncode(FigureCatalogue.Statistic("cityMean").Definition)).Append(' ')
            .Append(WebUtility.HtmlEncode(FigureCatalogue.Statistic("cityDifference").Definition)).Append("</p><div id=\"cities\">");
        foreach (var scenario in cities.GroupBy(c => c.Scenario))
        {
            var baseline = scenario.Key == report.Baseline;
            var what = FigureCatalogue.Statistic(baseline ? "cityMean" : "cityDifference").Label;
            html.Append("<h3>").Append(WebUtility.HtmlEncode(scenario.Key)).Append(": ").Append(WebUtility.HtmlEncode(what.ToLowerInvariant())).Append("</h3>")
                .Append("<table class=\"cities\" data-scenario=\"").Append(WebUtility.HtmlEncode(scenario.Key)).Append("\"><tr><th>city</th>");
            html.AppendJoin("", figures.Select(Header)).Append("</tr>");
            foreach (var city in scenario.GroupBy(c => c.City))
            {
                html.Append("<tr>").Append(Cell(city.Key, @class: "text"));
                foreach (var figure in figures)
                {
                    var row = city.First(c => c.Metric == figure.Name);
                    var s = row.Difference ?? row.Value;
                    var value = baseline ? Format.Format(figure, s.Mean) : Format.Change(figure, s.Mean);
                    var interval = baseline ? $"{Format.Format(figure, s.Low)} to {Format.Format(figure, s.High)}" : $"{Format.Change(figure, s.Low)} to {Format.Change(figure, s.High)}";
                    html.Append(Cell(value, $"95% CI {interval}"));
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        html.Append("</div>");
    }

    /// <summary>Yuan of extra policy spending per additional unit of each outcome, with Fieller's interval, or why it is not defined.</summary>
    public static void Costs(StringBuilder html, ComparisonReport report)
    {
        if (report.Costs is not { Count: > 0 } costs)
        {
            return;
        }
        var spending = FigureCatalogue.Summary("policySpending");
        html.Append("<h2>Cost per outcome</h2><p>Extra policy spending ÷ extra outcome, both paired replication by replication with the baseline; ")
            .Append("not defined where the variant does not spend more or the change in the outcome cannot be told from zero.</p>")
            .Append("<table id=\"costs\"><tr><th>variant</th><th>cost</th><th>extra policy spending (yuan)</th><th>change in the outcome (95% CI)</th><th>yuan per additional unit</th><th>95% CI, or why not defined</th></tr>");
        foreach (var c in costs)
        {
            var outcome = FigureCatalogue.Summary(c.Outcome);
            var cost = FigureCatalogue.Statistic(CostPerOutcome.FigureName(c.Outcome));
            html.Append(c.Defined ? "<tr class=\"defined\">" : "<tr class=\"undefined\">")
                .Append(Cell(c.Variant, @class: "text")).Append(Cell(cost.Label, cost.Definition, "text"))
                .Append(Cell(Format.Change(spending, c.ExtraSpending.Mean)))
                .Append(Cell($"{Format.Change(outcome, c.ExtraOutcome.Mean)} ({Format.Change(outcome, c.ExtraOutcome.Low)} to {Format.Change(outcome, c.ExtraOutcome.High)})", outcome.Definition))
                .Append(Cell(c.Defined ? Format.Describe(cost, c.YuanPerUnit) : "not defined", c.Note))
                .Append(Cell(c.Defined ? $"{Format.Format(cost, c.Low)} to {Format.Format(cost, c.High)}" : c.Note, @class: "text"))
                .Append("</tr>");
        }
        html.Append("</table>");
    }
}
