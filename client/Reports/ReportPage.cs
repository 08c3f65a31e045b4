using System.Net;
using System.Text;
using System.Text.Json;

namespace GbaSim.Client.Reports;

/// <summary>The frame every self-contained report shares: one style, the embedded Apache ECharts, the data inline and the page's script.</summary>
internal static class ReportPage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static StringBuilder Begin(string title)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}")
            .Append("td,th{border:1px solid #ccd;padding:.25rem .5rem;text-align:right}td:first-child,th:first-child,td.text{text-align:left}")
            .Append(".real{color:#0a6b2b;font-weight:600}.noise{color:#888}.chart{width:100%;height:360px}.row{display:flex;flex-wrap:wrap;gap:1rem}")
            .Append(".row .chart{width:420px;height:320px}pre{background:#f4f6f8;padding:.75rem;overflow:auto;font-size:.8rem}</style></head><body>");
        return html;
    }

    /// <summary>Closes the page: the chart library, <paramref name="data"/> as the script's <c>report</c> constant, and the script.</summary>
    public static string End(StringBuilder html, object data, string script)
    {
        // "</" inside the JSON would close the script element early.
        var json = JsonSerializer.Serialize(data, Options).Replace("</", "<\\/", StringComparison.Ordinal);
        html.Append("<script>").Append(ChartLibrary.Script()).Append("</script>");
        html.Append("<script>const report = ").Append(json).Append(";</script><script>").Append(script).Append("</script></body></html>");
        return html.ToString();
    }

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
