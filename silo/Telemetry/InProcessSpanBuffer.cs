using System.Diagnostics;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// The last <see cref="Capacity"/> finished spans, in a ring: adding to a full buffer drops the
/// oldest, so the silo's own dashboard can read recent traces at a memory cost fixed up front.
/// It also remembers, for the most recent runs, which trace is a run's (learnt when the run's
/// span starts, so a running run's steps can be found before the run span ends).
/// Thread-safe: spans end on the step workers as well as on request threads.
/// </summary>
public sealed class InProcessSpanBuffer
{
    private const int RememberedRuns = 256;

    private readonly SpanRecord?[] _ring;
    private readonly Dictionary<string, ActivityTraceId> _runs = new(StringComparer.Ordinal);
    private readonly Queue<string> _runOrder = new();
    private readonly Lock _gate = new();
    private long _added;

    public InProcessSpanBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new SpanRecord?[capacity];
    }

    public int Capacity => _ring.Length;

    /// <summary>Spans held now (at most <see cref="Capacity"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return (int)Math.Min(_added, _ring.Length);
            }
        }
    }

    /// <summary>Spans added since the start, including those dropped since.</summary>
    public long Added
    {
        get
        {
            lock (_gate)
            {
                return _added;
            }
        }
    }

    public void Add(SpanRecord span)
    {
        ArgumentNullException.ThrowIfNull(span);
        lock (_gate)
        {
            _ring[_added % _ring.Length] = span;
            _added++;
        }
    }

    /// <summary>Notes that <paramref name="runId"/>'s spans make trace <paramref name="traceId"/>.</summary>
    public void RegisterRun(string runId, ActivityTraceId traceId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        lock (_gate)
        {
            if (_runs.TryAdd(runId, traceId))
            {
                _runOrder.Enqueue(runId);
                while (_runOrder.Count > RememberedRuns)
                {
                    _runs.Remove(_runOrder.Dequeue());
                }
            }
            else
            {
                _runs[runId] = traceId;
            }
        }
    }

    public bool TryGetRunTrace(string runId, out ActivityTraceId traceId)
    {
        lock (_gate)
        {
            return _runs.TryGetValue(runId, out traceId);
        }
    }

    /// <summary>The held spans, oldest first.</summary>
    public IReadOnlyList<SpanRecord> Snapshot() => Where(static _ => true);

    /// <summary>The held spans of one trace, by start time.</summary>
    public IReadOnlyList<SpanRecord> Trace(ActivityTraceId traceId) =>
        [.. Where(span => span.TraceId == traceId).OrderBy(span => span.Start)];

    /// <summary>The held spans that satisfy <paramref name="predicate"/>, oldest first.</summary>
    public IReadOnlyList<SpanRecord> Where(Func<SpanRecord, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        SpanRecord?[] copy;
        long added;
        lock (_gate)
        {
            copy = (SpanRecord?[])_ring.Clone();
            added = _added;
        }
        var count = (int)Math.Min(added, copy.Length);
        var first = added - count;
        var result = new List<SpanRecord>();
        for (var i = 0; i < count; i++)
        {
            var span = copy[(first + i) % copy.Length]!;
            if (predicate(span))
            {
                result.Add(span);
            }
        }
        return result;
    }
}
