using System.Diagnostics;
using System.Globalization;

namespace GbaSim.Silo.Telemetry;

/// <summary>
/// A finished span as the in-process buffer keeps it: a copy of what matters of the
/// <see cref="Activity"/>, so the buffer never holds on to activities (nor, through them, to
/// their parents). Tag values are kept as they were set and only turned into text when read
/// (<see cref="Text"/>), which keeps the copy cheap on the threads that end spans.
/// </summary>
public sealed record SpanRecord(
    ActivityTraceId TraceId,
    ActivitySpanId SpanId,
    ActivitySpanId ParentSpanId,
    string Name,
    string Source,
    DateTime Start,
    TimeSpan Duration,
    ActivityStatusCode Status,
    IReadOnlyList<KeyValuePair<string, object?>> Tags)
{
    public bool IsRoot => ParentSpanId == default;

    public object? Tag(string name)
    {
        foreach (var (key, value) in Tags)
        {
            if (key == name)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>A tag's value as invariant text.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static SpanRecord From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in activity.EnumerateTagObjects())
        {
            tags.Add(tag);
        }
        return new SpanRecord(activity.TraceId, activity.SpanId, activity.ParentSpanId, activity.DisplayName, activity.Source.Name, activity.StartTimeUtc, activity.Duration, activity.Status, tags);
    }
}
