using System.Globalization;
using System.Text.Json;
using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Figures;

namespace GbaSim.Client.Commands;

/// <summary>
/// A grain's state as the <c>inspect</c> command shows it: one row per field (nested fields as
/// dotted paths), numbers with thousands separators and at most three decimals, long lists cut
/// short, and the step said against the run's length.
/// </summary>
public static class GrainStateTable
{
    /// <summary>List items shown before "… and N more".</summary>
    public const int ListItems = 8;

    private static readonly Figure Number = new("", FigureKinds.Statistic, "", "", "", "", "", "", FigureKinds.Neutral, FigureKinds.Plain);

    public static void Show(IConsoleView view, string stateJson, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var document = JsonDocument.Parse(stateJson);
        var root = document.RootElement;
        var rows = new List<IReadOnlyList<string>>();
        if (root.TryGetProperty("state", out var state))
        {
            Flatten(rows, "", state);
        }
        var grain = root.TryGetProperty("grain", out var g) ? g.GetString() : "?";
        view.Table($"{grain} in run {run.Id}: {Step(root, run)}", ["field", "value"], rows);
    }

    /// <summary>The inspected step as the number of steps done of the run's length: a grain reports the step it would run next, one past the last it ran.</summary>
    public static string Step(JsonElement root, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var next = root.TryGetProperty("step", out var s) && s.TryGetInt64(out var n) ? n : 0;
        var done = Math.Clamp(next - 1, 0, run.Months);
        var when = run.IsFinished ? $"final state ({run.Status})" : "latest state (still running)";
        return string.Create(CultureInfo.InvariantCulture, $"{when} after step {done} of {run.Months}");
    }

    private static void Flatten(List<IReadOnlyList<string>> rows, string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(rows, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Value);
                }
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                var items = element.EnumerateArray().ToArray();
                var shown = string.Join(", ", items.Take(ListItems).Select(Scalar));
                rows.Add([path, items.Length == 0 ? "(none)" : items.Length > ListItems ? $"{shown}, … and {items.Length - ListItems} more ({items.Length} in all)" : shown]);
                break;
            case JsonValueKind.Array:
                var elements = element.EnumerateArray().ToArray();
                foreach (var (item, i) in elements.Take(ListItems).Select((e, i) => (e, i)))
                {
                    Flatten(rows, $"{path}[{i}]", item);
                }
                if (elements.Length > ListItems)
                {
                    rows.Add([$"{path}[…]", $"… and {elements.Length - ListItems} more ({elements.Length} in all)"]);
                }
                break;
            default:
                rows.Add([path, Scalar(element)]);
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole.ToString("N0", CultureInfo.InvariantCulture),
        JsonValueKind.Number => FigureFormatter.Default.Format(Number, element.GetDouble()),
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "–",
        _ => element.GetRawText(),
    };
}
