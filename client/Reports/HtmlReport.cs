using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GbaSim.Engine.Charts;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Figures;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Client.Reports;

/// <summary>
/// The comparison as one HTML file that opens offline: verdicts, differences with their
/// intervals, time series with confidence bands, each scenario's chain side by side, and what
/// each variant changes. Charts are drawn by the embedded Apache ECharts from inline data.
/// </summary>
public static class HtmlReport
{
    private static FigureFormatter Format => FigureFormatter.ForUser;

    public static string Render(ExperimentPlan plan, ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        var data = new
        {
            report.Baseline,
            report.Replications,
            report.Metrics,
            style = Format.Style.ToString(),
            figures = report.Metrics.Select(FigureCatalogue.Summary).ToDictionary(f => f.Name, f => new { f.Label, f.Heading, f.Unit, f.Format }),
            monthly = report.Series.Select(s => s.Figure).Distinct().Select(FigureCatalogue.Monthly).ToDictionary(f => f.Name, f => new { f.Label, f.Heading, f.Unit, f.Format }),
            comparisons = report.Comparisons.Where(c => c.Finding != Findings.Input).Select(c => new { c.Variant, c.Metric, mean = Finite(c.Statistics.Difference.Mean), low = Finite(c.Statistics.Difference.Low), high = Finite(c.Statistics.Difference.High), c.Distinguishable }),
            series = report.Series.Select(s => new { s.Label, s.Figure, s.Months, mean = s.Mean.Select(Finite), low = s.Low.Select(Finite), high = s.High.Select(Finite) }),
            chains = report.Scenarios.Select(s => new { s.Label, stages = Chain(s) }),
            stageStyles = ChainStageStyle.All.Select(st => new { st.Name, st.Color, stalled = ChainStageStyle.Stalled(st.Name) }),
            stalledColor = ChainStageStyle.StalledColor,
            sweep = report.Scenarios.Where(s => s.Coordinates.Count > 0).Select(s => new
            {
                s.Label,
                s.Coordinates,
                metrics = report.Metrics.ToDictionary(m => m, m => new { mean = Finite(s.Metrics[m].Mean), low = Finite(s.Metrics[m].Low), high = Finite(s.Metrics[m].High) }),
            }),
        };
        var html = ReportPage.Begin($"GbaSim comparison: {report.Baseline}");
        html.Append("<h1>Comparison with ").Append(WebUtility.HtmlEncode(report.Baseline)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{plan.Variants.Count} variant(s), {report.Replications} paired replications each (replication <i>i</i> has the same seed in every scenario). Differences are variant minus baseline with 95% confidence intervals; p-values are Holm-adjusted over the outcome comparisons. Inputs that a scenario sets (policy spending) and figures that never vary between replications are reported, not tested.</p>");
        Verdicts(html, report);
        Limits(html, report);
        Table(html, report);
        html.Append(ContributionTable.Html(report));
        ReportBreakdown.Costs(html, report);
        ReportBreakdown.Cities(html, report);
        html.Append("<h2>Differences with intervals</h2><div id=\"differences\" class=\"row\"></div>");
        html.Append("<h2>Over time (mean and 95% band)</h2><div id=\"series\" class=\"row\"></div>");
        html.Append("<div id=\"sweep-section\"><h2>Response to the sweep (mean and 95% band)</h2><div id=\"sweep\" class=\"row\"></div></div>");
        html.Append("<h2>The chain in each scenario (means over replications)</h2><div id=\"chains\" class=\"row\"></div>");
        Diffs(html, plan);
        return ReportPage.End(html, data, FigureScript.Source + Script);
    }

    private static double? Finite(double value) => ReportPage.Finite(value);

    /// <summary>Technologies reaching each stage, rebuilt from the number started and the stage-to-stage conversion rates.</summary>
    private static IReadOnlyList<double> Chain(ScenarioFigures scenario)
    {
        double Mean(string metric) => scenario.Metrics.TryGetValue(metric, out var s) && double.IsFinite(s.Mean) ? s.Mean : 0;
        var reached = new List<double> { scenario.Metrics.ContainsKey("technologiesStarted") ? Mean("technologiesStarted") : 1000 };
        foreach (var stage in ChainStages.All.Take(ChainStages.Count - 1))
        {
            reached.Add(reached[^1] * Mean($"conversion.{stage.FileName()}"));
        }
        return reached;
    }

    private static void Verdicts(StringBuilder html, ComparisonReport report)
    {
        html.Append("<h2>What the replications can tell</h2><ul id=\"verdicts\">");
        foreach (var c in report.Comparisons.Where(c => c.Finding != Findings.Noise))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{c.Finding}\">").Append(WebUtility.HtmlEncode(c.Verdict)).Append("</li>");
        }
        var noise = report.Comparisons.Count(c => c.Finding == Findings.Noise);
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"noise\">{noise} of {report.Comparisons.Count} differences cannot be told from noise with these replications.</li></ul>");
    }

    /// <summary>What the number of replications lets each test conclude, so a large p-value is not read as "no effect" when the test could not have said otherwise.</summary>
    private static void Limits(StringBuilder html, ComparisonReport report)
    {
        var warnings = (report.Limits ?? []).Where(l => l.Warning is not null).ToArray();
        if (warnings.Length == 0)
        {
            return;
        }
        html.Append("<h2>Limits of these tests</h2><ul id=\"limits\">");
        foreach (var limit in warnings)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(limit.Warning)).Append("</li>");
        }
        html.Append("</ul>");
    }

    private static void Table(StringBuilder html, ComparisonReport report)
    {
        string Stat(string name, double value) => Format.Format(FigureCatalogue.Statistic(name), value);
        string Header(string name)
        {
            var figure = FigureCatalogue.Statistic(name);
            return $"<th title=\"{WebUtility.HtmlEncode(figure.Definition)}\">{WebUtility.HtmlEncode(figure.Short)}</th>";
        }
        html.Append("<h2>All differences</h2><table id=\"differences-table\"><tr><th>variant</th><th>figure</th>");
        foreach (var column in ComparisonTable.Columns)
        {
            html.Append(Header(column));
        }
        html.Append("</tr>");
        var order = FigureCatalogue.Ordered(FigureKinds.Summary, report.Metrics).ToList();
        foreach (var c in report.Comparisons.OrderBy(c => c.Variant, StringComparer.Ordinal).ThenBy(c => order.IndexOf(c.Metric)))
        {
            var s = c.Statistics;
            var figure = FigureCatalogue.Summary(c.Metric);
            var interval = c.Finding == Findings.Input ? FigureFormatter.Missing : $"{Format.Change(figure, s.Difference.Low)} to {Format.Change(figure, s.Difference.High)}";
            html.Append("<tr><td class=\"text\">").Append(WebUtility.HtmlEncode(c.Variant))
                .Append("</td><td class=\"text\" title=\"").Append(WebUtility.HtmlEncode(figure.Definition)).Append("\">").Append(WebUtility.HtmlEncode(figure.Heading)).Append("</td>");
            foreach (var cell in new[]
            {
                Format.Format(figure, s.Baseline.Mean), Format.Format(figure, s.Variant.Mean), Format.Change(figure, s.Difference.Mean), interval,
                Stat("adjustedTTestP", c.AdjustedTTestP), Stat("adjustedWilcoxonP", c.AdjustedWilcoxonP), Stat("effectSize", s.EffectSize), Format.Change(figure, c.ChangePer100MillionYuan),
            })
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"{c.Finding}\">{c.Finding}</td></tr>");
        }
        html.Append("</table>");
    }

    private static void Diffs(StringBuilder html, ExperimentPlan plan)
    {
        html.Append("<h2>What each variant changes</h2>");
        foreach (var (label, scenario, _) in plan.Variants)
        {
            var policies = scenario.Policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var changes = PolicyChange.Between(plan.Baseline.Policies, scenario.Policies).Where(c => c.Kind != PolicyChange.Unchanged).ToArray();
            html.Append("<h3>").Append(WebUtility.HtmlEncode(label)).Append("</h3>");
            if (changes.Length == 0)
            {
                html.Append("<p>No policy differs from the baseline's.</p>");
            }
            else
            {
                html.Append("<table class=\"policy-changes\"><tr><th>policy</th><th>type</th><th>from</th><th>to</th><th>budget</th><th>what differs from the baseline</th><th></th></tr>");
                foreach (var change in changes)
                {
                    var policy = policies.TryGetValue(change.Name, out var p) ? p : plan.Baseline.Policies.First(b => b.Name == change.Name);
                    var what = change.Kind == PolicyChange.Changed ? string.Join("; ", change.Differences)
                        : string.Join(", ", policy.Parameters.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key}={x.Value:0.######}")));
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{WebUtility.HtmlEncode(policy.Name)}</td><td class=\"text\">{PolicyCatalog.NameOf(policy.Type)}</td><td>{policy.Start}</td><td>{policy.End?.ToString() ?? scenario.End.ToString()}</td><td>{WebUtility.HtmlEncode(Format.Yuan(policy.Budget))}{(Format.Style == NumberStyle.Western ? " yuan" : "")}</td><td class=\"text\">{WebUtility.HtmlEncode(what)}</td><td class=\"text\">{change.Kind}</td></tr>");
                }
                html.Append("</table>");
            }
            html.Append("<pre>").Append(WebUtility.HtmlEncode(scenario.Text)).Append("</pre>");
        }
    }

    private const string Script = """
        const stages = report.stageStyles.map(s => s.name);
        function box(parent) { const d = document.createElement('div'); d.className = 'chart'; document.getElementById(parent).appendChild(d); return echarts.init(d); }
        for (const metric of report.metrics) {
          const rows = report.comparisons.filter(c => c.metric === metric);
          if (rows.length === 0) continue;
          const figure = report.figures[metric];
          box('differences').setOption({
            title: { text: 'Change in ' + figure.heading, textStyle: { fontSize: 13, width: 400, overflow: 'break' } }, grid: { left: 170, right: 30, top: 50 },
            tooltip: { formatter: p => `${rows[p.dataIndex].variant}: ${formatFigure(figure, rows[p.dataIndex].mean, report.style)} (${formatFigure(figure, rows[p.dataIndex].low, report.style)} to ${formatFigure(figure, rows[p.dataIndex].high, report.style)})` },
            xAxis: { type: 'value', axisLabel: { formatter: v => formatFigure(figure, v, report.style), hideOverlap: true } }, yAxis: { type: 'category', data: rows.map(r => r.variant) },
            series: [{ type: 'custom', renderItem: (params, api) => {
                const y = api.coord([0, api.value(0)])[1], lo = api.coord([api.value(1), 0])[0], hi = api.coord([api.value(2), 0])[0], m = api.coord([api.value(3), 0])[0];
                return { type: 'group', children: [
                  { type: 'line', shape: { x1: lo, y1: y, x2: hi, y2: y }, style: { stroke: '#345', lineWidth: 2 } },
                  { type: 'circle', shape: { cx: m, cy: y, r: 5 }, style: { fill: '#c44' } } ] };
              }, encode: { x: [1, 2, 3], y: 0 }, data: rows.map((r, i) => [i, r.low ?? 0, r.high ?? 0, r.mean ?? 0]) },
              { type: 'line', markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }] }, data: [] }]
          });
        }
        for (const figure of [...new Set(report.series.map(s => s.figure))]) {
          const bands = report.series.filter(s => s.figure === figure);
          const described = report.monthly[figure];
          // Counts and yuan cannot be negative, so a band is cut at zero rather than drawn below it.
          const floor = v => v === null ? null : Math.max(0, v);
          const series = [];
          bands.forEach((b, i) => {
            series.push({ name: b.label, type: 'line', showSymbol: false, data: b.mean });
            series.push({ name: b.label + ' low', type: 'line', stack: 'band' + i, lineStyle: { opacity: 0 }, showSymbol: false, data: b.low.map(floor), tooltip: { show: false } });
            series.push({ name: b.label + ' band', type: 'line', stack: 'band' + i, lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.15 }, showSymbol: false,
              data: b.high.map((h, k) => h === null || b.low[k] === null ? null : Math.max(0, h) - floor(b.low[k])), tooltip: { show: false } });
          });
          box('series').setOption({ title: { text: described.heading, textStyle: { fontSize: 13 } }, grid: { left: 80, right: 20 },
            tooltip: { trigger: 'axis', valueFormatter: v => formatFigure(described, v, report.style) }, legend: { type: 'scroll', bottom: 0, data: bands.map(b => b.label) },
            xAxis: { type: 'category', data: bands[0].months, axisLabel: { hideOverlap: true } },
            yAxis: { type: 'value', min: 0, axisLabel: { formatter: v => formatFigure(described, v, report.style), hideOverlap: true } }, series });
        }
        if (report.sweep.length === 0) {
          document.getElementById('sweep-section').style.display = 'none';
        } else {
          const axes = Object.keys(report.sweep[0].coordinates);
          for (const metric of report.metrics) {
            if (axes.length === 1) {
              const points = [...report.sweep].sort((a, b) => a.coordinates[axes[0]] - b.coordinates[axes[0]]);
              const x = points.map(p => p.coordinates[axes[0]]);
              box('sweep').setOption({ title: { text: report.figures[metric].heading, textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis', valueFormatter: v => formatFigure(report.figures[metric], v, report.style) },
                xAxis: { type: 'category', name: axes[0], data: x }, yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => formatFigure(report.figures[metric], v, report.style), hideOverlap: true } },
                series: [
                  { name: 'mean', type: 'line', data: points.map(p => p.metrics[metric].mean) },
                  { name: 'low', type: 'line', stack: 'band', lineStyle: { opacity: 0 }, showSymbol: false, data: points.map(p => p.metrics[metric].low) },
                  { name: 'band', type: 'line', stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.2 }, showSymbol: false,
                    data: points.map(p => p.metrics[metric].high === null || p.metrics[metric].low === null ? null : p.metrics[metric].high - p.metrics[metric].low) } ] });
            } else {
              const xs = [...new Set(report.sweep.map(p => p.coordinates[axes[0]]))].sort((a, b) => a - b);
              const ys = [...new Set(report.sweep.map(p => p.coordinates[axes[1]]))].sort((a, b) => a - b);
              const cells = report.sweep.map(p => [xs.indexOf(p.coordinates[axes[0]]), ys.indexOf(p.coordinates[axes[1]]), p.metrics[metric].mean]);
              const values = cells.map(c => c[2]).filter(v => v !== null);
              box('sweep').setOption({ title: { text: report.figures[metric].heading, textStyle: { fontSize: 13 } }, tooltip: {},
                xAxis: { type: 'category', name: axes[0], data: xs }, yAxis: { type: 'category', name: axes[1], data: ys },
                visualMap: { min: Math.min(...values), max: Math.max(...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
                series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: c => formatFigure(report.figures[metric], c.value[2], report.style) } }] });
            }
          }
        }
        for (const chain of report.chains) {
          const nodes = report.stageStyles.map(s => ({ name: s.name, itemStyle: { color: s.color } }))
            .concat(report.stageStyles.slice(0, 4).map(s => ({ name: s.stalled, itemStyle: { color: report.stalledColor } })));
          const links = [];
          for (let k = 0; k < 4; k++) {
            links.push({ source: stages[k], target: stages[k + 1], value: Math.max(chain.stages[k + 1], 0.001) });
            links.push({ source: stages[k], target: report.stageStyles[k].stalled, value: Math.max(chain.stages[k] - chain.stages[k + 1], 0.001) });
          }
          box('chains').setOption({ title: { text: chain.label, textStyle: { fontSize: 13 } }, tooltip: {}, series: [{ type: 'sankey', left: 10, right: 170, top: 40, data: nodes, links, label: { fontSize: 10, overflow: 'none' } }] });
        }
        """;
}
