using System.Globalization;
using System.Net;
using System.Text;
using GbaSim.Engine.Sensitivity;

namespace GbaSim.Client.Reports;

/// <summary>
/// A sensitivity analysis as one HTML file that opens offline: for each output figure its
/// parameters ranked with their indices and 95% intervals (Morris: μ* with μ*–σ plane; Sobol:
/// first-order and total indices), then the tables and the ranges varied.
/// </summary>
public static class SensitivityHtml
{
    /// <summary>Parameters drawn per chart; the tables list them all.</summary>
    public const int Charted = 20;

    public static string Render(SensitivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var morris = report.Method == "morris";
        var data = new
        {
            report.Method,
            outputs = report.Outputs.Select(o => new
            {
                o.Output,
                factors = o.Ranking.Take(Charted).Select(i => new
                {
                    i.Factor,
                    value = ReportPage.Finite(morris ? i.MuStar!.Value : i.Total!.Value),
                    low = ReportPage.Finite(morris ? i.MuStar!.Low : i.Total!.Low),
                    high = ReportPage.Finite(morris ? i.MuStar!.High : i.Total!.High),
                    second = ReportPage.Finite(morris ? i.Sigma!.Value : i.First!.Value),
                }),
            }),
        };
        var html = ReportPage.Begin($"GbaSim sensitivity: {report.Scenario}");
        html.Append("<h1>Sensitivity of ").Append(WebUtility.HtmlEncode(report.Scenario)).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{(morris ? "Morris elementary effects" : "Sobol indices (Saltelli sampling, Jansen estimators)")} over {report.Factors.Count} parameters: {report.Points} design points, each run {report.Replications} time(s) with common random numbers ({report.Runs} runs). ");
        html.Append(morris
            ? "μ* is the mean absolute change in the output when a parameter moves across two thirds of its range (in the output's units, per whole range); σ is the spread of those changes (interactions, non-linearity); μ gives the direction. Intervals are 95% bootstrap intervals over trajectories.</p>"
            : "The first-order index S is the share of the output's variance a parameter explains alone; the total index ST adds its interactions. Intervals are 95% bootstrap intervals over base samples.</p>");
        html.Append("<div id=\"charts\" class=\"row\"></div>");
        foreach (var output in report.Outputs)
        {
            Table(html, output, morris);
        }
        foreach (var skipped in report.Skipped)
        {
            html.Append("<p class=\"noise\">Not analysed: ").Append(WebUtility.HtmlEncode(skipped)).Append(".</p>");
        }
        html.Append("<h2>Parameters and ranges</h2><table><tr><th>parameter</th><th>low</th><th>high</th></tr>");
        foreach (var factor in report.Factors)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{WebUtility.HtmlEncode(factor.Name)}</td><td>{factor.Low:G6}</td><td>{factor.High:G6}</td></tr>");
        }
        html.Append("</table>");
        return ReportPage.End(html, data, morris ? MorrisScript : SobolScript);
    }

    private static void Table(StringBuilder html, OutputSensitivity output, bool morris)
    {
        html.Append("<h2>").Append(WebUtility.HtmlEncode(output.Output)).Append(CultureInfo.InvariantCulture, $"</h2><p>Mean over all runs {output.Mean:G4}, standard deviation {output.StandardDeviation:G4}.</p><table><tr><th>rank</th><th>parameter</th>");
        html.Append(morris ? "<th>μ*</th><th>95% CI</th><th>μ</th><th>σ</th><th>95% CI</th></tr>" : "<th>ST</th><th>95% CI</th><th>S</th><th>95% CI</th></tr>");
        foreach (var i in output.Ranking)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{i.Rank}</td><td class=\"text\">{WebUtility.HtmlEncode(i.Factor)}</td>");
            html.Append(morris
                ? string.Create(CultureInfo.InvariantCulture, $"<td>{i.MuStar!.Value:G4}</td><td>{i.MuStar.Low:G3} .. {i.MuStar.High:G3}</td><td>{i.Mu:G4}</td><td>{i.Sigma!.Value:G4}</td><td>{i.Sigma.Low:G3} .. {i.Sigma.High:G3}</td></tr>")
                : string.Create(CultureInfo.InvariantCulture, $"<td>{i.Total!.Value:G3}</td><td>{i.Total.Low:G3} .. {i.Total.High:G3}</td><td>{i.First!.Value:G3}</td><td>{i.First.Low:G3} .. {i.First.High:G3}</td></tr>"));
        }
        html.Append("</table>");
    }

    /// <summary>A ranked bar chart with interval whiskers per output, and (Morris) the μ*–σ plane.</summary>
    private const string Common = """
        function box() { const d = document.createElement('div'); d.className = 'chart'; document.getElementById('charts').appendChild(d); return echarts.init(d); }
        function whiskers(rows) {
          return { type: 'custom', name: '95% interval', renderItem: (params, api) => {
              const y = api.coord([0, api.value(0)])[1], lo = api.coord([api.value(1), 0])[0], hi = api.coord([api.value(2), 0])[0];
              return { type: 'line', shape: { x1: lo, y1: y, x2: hi, y2: y }, style: { stroke: '#345', lineWidth: 2 } };
            }, encode: { x: [1, 2], y: 0 }, data: rows.map((r, i) => [i, r.low ?? 0, r.high ?? 0]), z: 10 };
        }
        function ranked(output, name, extra) {
          const rows = [...output.factors].reverse();
          box().setOption({ title: { text: output.output, textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 200, right: 20, bottom: 40 },
            xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map(r => r.factor) },
            series: [{ name, type: 'bar', data: rows.map(r => r.value) }].concat(extra ? [{ name: extra, type: 'bar', data: rows.map(r => r.second) }] : []).concat([whiskers(rows)]) });
        }
        """;

    private const string MorrisScript = Common + """
        for (const output of report.outputs) {
          ranked(output, 'μ*');
          box().setOption({ title: { text: output.output + ': μ* against σ', textStyle: { fontSize: 13 } }, tooltip: { formatter: p => p.data[2] },
            xAxis: { type: 'value', name: 'μ*' }, yAxis: { type: 'value', name: 'σ' },
            series: [{ type: 'scatter', data: output.factors.map(f => [f.value, f.second, f.factor]), label: { show: true, formatter: p => p.data[2], position: 'right', fontSize: 9 } }] });
        }
        """;

    private const string SobolScript = Common + """
        for (const output of report.outputs) {
          ranked(output, 'total ST', 'first-order S');
        }
        """;
}
