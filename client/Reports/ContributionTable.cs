using GbaSim.Client.Output;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Reports;

/// <summary>
/// Each lever's contribution within a package, on the console and in the HTML report: the
/// package less the package without the lever, paired by replication, with its interval and
/// its share of the package's effect.
/// </summary>
public static class ContributionTable
{
    public static readonly IReadOnlyList<string> Headings = ["lever", "figure", "contribution", "95% interval", "share of package effect"];

    /// <summary>One row per lever and figure, packages in the order run and figures in the catalogue's order.</summary>
    public static IEnumerable<(string Package, IReadOnlyList<string> Cells)> Rows(ComparisonReport report, FigureFormatter format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(format);
        var order = FigureCatalogue.Ordered(FigureKinds.Summary, report.Metrics).ToList();
        foreach (var package in (report.Contributions ?? []).GroupBy(c => c.Package))
        {
            foreach (var c in package.OrderBy(c => c.Lever, StringComparer.Ordinal).ThenBy(c => order.IndexOf(c.Metric)))
            {
                var figure = FigureCatalogue.Summary(c.Metric);
                var d = c.Statistics.Difference;
                var interval = double.IsFinite(d.Low) ? $"{format.Change(figure, d.Low)} to {format.Change(figure, d.High)}" : FigureFormatter.Missing;
                var share = double.IsFinite(c.ShareOfPackageEffect)
                    ? (c.ShareOfPackageEffect * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture).Replace('-', '−') + "%"
                    : FigureFormatter.Missing;
                yield return (package.Key, new[] { c.Lever, figure.Heading, format.Change(figure, d.Mean), interval, share });
            }
        }
    }

    public static void Show(IConsoleView view, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var package in Rows(report, FigureFormatter.ForUser).GroupBy(r => r.Package))
        {
            view.Table($"Each lever's contribution to {package.Key} (the package less the package without it, {report.Replications} paired replications)",
                Headings, package.Select(r => r.Cells));
        }
    }

    /// <summary>The same tables as an HTML section; empty when no variant is a package.</summary>
    public static string Html(ComparisonReport report)
    {
        var html = new System.Text.StringBuilder();
        foreach (var package in Rows(report, FigureFormatter.ForUser).GroupBy(r => r.Package))
        {
            html.Append("<h2>Each lever's contribution to ").Append(System.Net.WebUtility.HtmlEncode(package.Key)).Append("</h2>")
                .Append("<p>The package's figure less that of the package run without the lever, paired by replication, with a 95% interval. Levers can reinforce or undercut each other, so the shares need not add up to 100%.</p>")
                .Append("<table class=\"contributions\"><tr>");
            foreach (var heading in Headings)
            {
                html.Append("<th>").Append(heading).Append("</th>");
            }
            html.Append("</tr>");
            foreach (var (_, cells) in package)
            {
                html.Append("<tr>");
                foreach (var cell in cells)
                {
                    html.Append("<td>").Append(System.Net.WebUtility.HtmlEncode(cell)).Append("</td>");
                }
                html.Append("</tr>");
            }
            html.Append("</table>");
        }
        return html.ToString();
    }
}
