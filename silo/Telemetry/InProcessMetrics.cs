using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// The in-process metric exporter: its reader collects only when asked (no timer), so the
/// dashboard reads current cumulative values at the moment it asks and nothing is kept
/// between reads but the latest snapshot.
/// </summary>
public sealed class InProcessMetrics : BaseExporter<Metric>
{
    private readonly Lock _gate = new();
    private IReadOnlyList<MetricValue> _latest = [];

    public InProcessMetrics() => Reader = new BaseExportingMetricReader(this) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };

    /// <summary>Added to the meter provider; it reads the instruments when <see cref="Collect"/> asks.</summary>
    public MetricReader Reader { get; }

    /// <summary>Reads every instrument now and returns their values, by name.</summary>
    public IReadOnlyList<MetricValue> Collect()
    {
        lock (_gate)
        {
            Reader.Collect(timeoutMilliseconds: 5_000);
            return _latest;
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        var values = new List<MetricValue>();
        foreach (var metric in batch)
        {
            var points = new List<MetricPointValue>();
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new SortedDictionary<string, string?>(StringComparer.Ordinal);
                foreach (var (key, value) in point.Tags)
                {
                    tags[key] = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
                }
                points.Add(metric.MetricType switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => new MetricPointValue(tags, point.GetSumLong(), null, null, null, null),
                    MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => new MetricPointValue(tags, point.GetSumDouble(), null, null, null, null),
                    MetricType.LongGauge => new MetricPointValue(tags, point.GetGaugeLastValueLong(), null, null, null, null),
                    MetricType.DoubleGauge => new MetricPointValue(tags, point.GetGaugeLastValueDouble(), null, null, null, null),
                    MetricType.Histogram => Histogram(tags, point),
                    _ => new MetricPointValue(tags, null, null, null, null, null),
                });
            }
            values.Add(new MetricValue(metric.Name, metric.Unit, metric.Description, metric.MeterName, Kind(metric.MetricType), points));
        }
        _latest = [.. values.OrderBy(v => v.Name, StringComparer.Ordinal)];
        return ExportResult.Success;
    }

    private static MetricPointValue Histogram(SortedDictionary<string, string?> tags, in MetricPoint point)
    {
        double? min = null, max = null;
        if (point.TryGetHistogramMinMaxValues(out var lo, out var hi))
        {
            (min, max) = (lo, hi);
        }
        return new MetricPointValue(tags, null, point.GetHistogramCount(), point.GetHistogramSum(), min, max);
    }

    private static string Kind(MetricType type) => type switch
    {
        MetricType.LongSum or MetricType.DoubleSum => "counter",
        MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => "up-down-counter",
        MetricType.LongGauge or MetricType.DoubleGauge => "gauge",
        MetricType.Histogram or MetricType.ExponentialHistogram => "histogram",
        _ => type.ToString(),
    };
}
