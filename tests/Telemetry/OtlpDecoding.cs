namespace GbaSim.Tests.Telemetry;

/// <summary>A span as decoded from an OTLP export, with the service that sent it.</summary>
public sealed record OtlpSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    DateTime Start,
    DateTime End,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// Decodes OTLP/protobuf export requests by hand, following the field numbers of
/// opentelemetry-proto: ExportTraceServiceRequest → ResourceSpans (1) → Resource (1) and
/// ScopeSpans (2) → InstrumentationScope (1) and Span (2); ExportMetricsServiceRequest →
/// ResourceMetrics (1) → ScopeMetrics (2) → Metric (2) → name (1).
/// </summary>
public static class OtlpDecoding
{
    public static IReadOnlyList<OtlpSpan> Spans(IEnumerable<byte[]> bodies) => [.. bodies.SelectMany(Spans)];

    public static IReadOnlyList<OtlpSpan> Spans(byte[] body)
    {
        var spans = new List<OtlpSpan>();
        var request = new ProtoReader(body);
        while (request.Next())
        {
            if (request.Field == 1)
            {
                ResourceSpans(request.Bytes, spans);
            }
        }
        return spans;
    }

    public static IReadOnlySet<string> MetricNames(IEnumerable<byte[]> bodies)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var request = new ProtoReader(body);
            while (request.Next())
            {
                if (request.Field != 1)
                {
                    continue;
                }
                var resource = new ProtoReader(request.Bytes);
                while (resource.Next())
                {
                    if (resource.Field != 2)
                    {
                        continue;
                    }
                    var scope = new ProtoReader(resource.Bytes);
                    while (scope.Next())
                    {
                        if (scope.Field != 2)
                        {
                            continue;
                        }
                        var metric = new ProtoReader(scope.Bytes);
                        while (metric.Next())
                        {
                            if (metric.Field == 1)
                            {
                                names.Add(metric.Text);
                            }
                        }
                    }
                }
            }
        }
        return names;
    }

    private static void ResourceSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var service = "";
        var reader = new ProtoReader(data);
        var scopes = new List<byte[]>();
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                var resource = new ProtoReader(reader.Bytes);
                while (resource.Next())
                {
                    if (resource.Field == 1)
                    {
                        var (key, value) = KeyValue(resource.Bytes);
                        if (key == "service.name")
                        {
                            service = value;
                        }
                    }
                }
            }
            else if (reader.Field == 2)
            {
                scopes.Add(reader.Bytes.ToArray());
            }
        }
        foreach (var scopeSpans in scopes)
        {
            var scope = "";
            var reader2 = new ProtoReader(scopeSpans);
            while (reader2.Next())
            {
                if (reader2.Field == 1)
                {
                    var instrumentation = new ProtoReader(reader2.Bytes);
                    while (instrumentation.Next())
                    {
                        if (instrumentation.Field == 1)
                        {
                            scope = instrumentation.Text;
                        }
                    }
                }
                else if (reader2.Field == 2)
                {
                    spans.Add(Span(reader2.Bytes, service, scope));
                }
            }
        }
    }

    private static OtlpSpan Span(ReadOnlySpan<byte> data, string service, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1:
                    traceId = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 2:
                    spanId = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 4:
                    parent = Convert.ToHexStringLower(reader.Bytes);
                    break;
                case 5:
                    name = reader.Text;
                    break;
                case 7:
                    start = reader.Number;
                    break;
                case 8:
                    end = reader.Number;
                    break;
                case 9:
                    var (key, value) = KeyValue(reader.Bytes);
                    attributes[key] = value;
                    break;
            }
        }
        return new OtlpSpan(service, scope, traceId, spanId, parent, name, FromUnixNanos(start), FromUnixNanos(end), attributes);
    }

    /// <summary>A KeyValue (key 1, AnyValue 2), the value rendered as text whatever its kind.</summary>
    private static (string Key, string Value) KeyValue(ReadOnlySpan<byte> data)
    {
        string key = "", value = "";
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                key = reader.Text;
            }
            else if (reader.Field == 2)
            {
                var any = new ProtoReader(reader.Bytes);
                while (any.Next())
                {
                    value = any.Field switch
                    {
                        1 => any.Text,
                        2 => any.Number != 0 ? "true" : "false",
                        3 => ((long)any.Number).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => BitConverter.UInt64BitsToDouble(any.Number).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                        _ => value,
                    };
                }
            }
        }
        return (key, value);
    }

    private static DateTime FromUnixNanos(ulong nanos) => DateTime.UnixEpoch.AddTicks((long)(nanos / 100));
}
