using System.Globalization;
using GbaSim.Engine.Yaml;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Scenarios;

/// <summary>
/// Reads a scenario file's <c>sweep:</c>: what the file alone can check (shape, keys, types,
/// counts, ranges, an axis given twice). Whether each axis names a policy of the merged scenario,
/// a parameter of its type and values in that parameter's range is <see cref="ScenarioBuilder"/>'s.
/// </summary>
internal static class SweepReader
{
    public static readonly string[] Keys = ["policy", "parameter", "values", "range"];

    public static readonly string[] RangeKeys = ["from", "to", "step"];

    /// <summary>
    /// How far short of <c>to</c>, in steps, the last point of a range may fall and still count as
    /// reaching it: 0 to 0.3 in steps of 0.1 is 2.9999999999999996 steps in floating point.
    /// </summary>
    private const double StepTolerance = 1e-9;

    public static SweepDraft? Read(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'sweep'") is not { } sequence)
        {
            return null;
        }
        if (sequence.Children.Count == 0)
        {
            reader.Error(sequence, $"'sweep' must have 1 or {SweepDefinition.MaxAxes} axes, not 0",
                "each axis is a mapping of 'policy', 'parameter' and 'values' or 'range'");
            return null;
        }
        var axes = new List<SweepAxisDraft>();
        var seen = new Dictionary<(string Policy, string Parameter), SourceLocation>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (i == SweepDefinition.MaxAxes)
            {
                reader.Error(sequence.Children[i], $"'sweep' has {sequence.Children.Count} axes; at most {SweepDefinition.MaxAxes} are allowed",
                    "a sweep varies one parameter, or two as a grid");
                break;
            }
            if (ReadAxis(reader, sequence.Children[i]) is not { } axis)
            {
                continue;
            }
            var key = (axis.Policy?.Value ?? "", axis.Parameter.Value);
            if (seen.TryGetValue(key, out var first))
            {
                reader.Diagnostics.Add(axis.Parameter.Location,
                    axis.Policy is { } owner
                        ? $"the sweep varies '{axis.Parameter.Value}' of policy '{owner.Value}' twice (first at line {first.Line})"
                        : $"the sweep varies '{axis.Parameter.Value}' twice (first at line {first.Line})",
                    "list all of its values in one axis; a grid's two axes vary different parameters");
                continue;
            }
            seen.Add(key, axis.Parameter.Location);
            axes.Add(axis);
        }
        return new SweepDraft(reader.At(sequence), axes);
    }

    private static SweepAxisDraft? ReadAxis(YamlReader reader, YamlNode item)
    {
        if (reader.Mapping(item, "an axis of 'sweep'") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the sweep axis", Keys);
        var parameter = fields.String("parameter", required: true);
        // A model parameter ('parameters.NAME') belongs to no policy; a policy's parameter needs its policy.
        var model = parameter is { } named && SweepDefinition.IsModelParameter(named.Value);
        var policy = fields.String("policy", required: !model);
        if (model && policy is { } stray)
        {
            reader.Diagnostics.Add(stray.Location, $"the sweep axis varies model parameter '{parameter!.Value.Value}', which belongs to no policy", "leave 'policy' out");
            return null;
        }
        IReadOnlyList<Located<double>>? values = null;
        var isRange = false;
        if (fields.Node("values") is { } valuesNode)
        {
            if (fields.Node("range") is not null)
            {
                reader.Diagnostics.Add(fields.KeyLocation("range")!.Value, "the sweep axis gives both 'values' and 'range'; give one",
                    "'values' lists the values; 'range: { from, to, step }' steps from one value to another");
            }
            else
            {
                values = ReadValues(reader, valuesNode);
            }
        }
        else if (fields.Node("range") is { } rangeNode)
        {
            values = ReadRange(reader, rangeNode);
            isRange = true;
        }
        else if (fields.KeyLocation("values") is not null || fields.KeyLocation("range") is not null)
        {
            // Written with no value: 'values' (or 'range') has no value.
            fields.Required(fields.KeyLocation("values") is not null ? "values" : "range");
        }
        else
        {
            reader.Diagnostics.Add(fields.Location, "the sweep axis needs 'values' or 'range'",
                "write 'values: [0, 10, 20]' or 'range: { from: 0, to: 0.3, step: 0.1 }'");
        }
        return (model || policy is not null) && parameter is { } q && values is { } v ? new SweepAxisDraft(fields.Location, policy, q, v, isRange) : null;
    }

    private static IReadOnlyList<Located<double>>? ReadValues(YamlReader reader, YamlNode node)
    {
        if (reader.Sequence(node, "'values'") is not { } sequence)
        {
            return null;
        }
        var count = sequence.Children.Count;
        if (count is 0 or > SweepDefinition.MaxValues)
        {
            reader.Error(sequence, $"'values' must have 1 to {SweepDefinition.MaxValues} numbers, not {count}",
                count > 0 ? "sweep fewer values, or split the sweep across several files" : null);
            return null;
        }
        var values = reader.List(sequence, "'values'", item => reader.Number(item, "an entry of 'values'"));
        var seen = new Dictionary<double, SourceLocation>();
        var valid = values.Count == count;
        foreach (var value in values)
        {
            if (seen.TryGetValue(value.Value, out var first))
            {
                reader.Diagnostics.Add(value.Location, $"'values' lists {Interval.Show(value.Value)} twice (first at line {first.Line}, column {first.Column})",
                    "each value is one run; list it once");
                valid = false;
                continue;
            }
            seen.Add(value.Value, value.Location);
        }
        return valid ? values : null;
    }

    /// <summary>
    /// The points <c>from + i * step</c> up to <c>to</c> (included when the steps reach it, within
    /// rounding), each rounded to 15 significant digits so that 0.1 * 3 is 0.3, not 0.30000000000000004.
    /// </summary>
    private static IReadOnlyList<Located<double>>? ReadRange(YamlReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "'range'") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the range", RangeKeys);
        var from = fields.Number("from", required: true);
        var to = fields.Number("to", required: true);
        var step = reader.Diagnostics.Within(fields.Number("step", required: true), "step", Interval.Above(0));
        if (from is not { } f || to is not { } t || step is not { } s)
        {
            return null;
        }
        if (t.Value < f.Value)
        {
            reader.Diagnostics.Add(t.Location, $"the range's 'to' {Interval.Show(t.Value)} is below its 'from' {Interval.Show(f.Value)}",
                "a range counts up from 'from' to 'to'");
            return null;
        }
        var steps = Math.Floor((t.Value - f.Value) / s.Value + StepTolerance);
        if (steps + 1 > SweepDefinition.MaxValues)
        {
            reader.Diagnostics.Add(fields.Location,
                $"the range from {Interval.Show(f.Value)} to {Interval.Show(t.Value)} in steps of {Interval.Show(s.Value)} gives {Interval.Show(steps + 1)} values; at most {SweepDefinition.MaxValues} are allowed",
                "take a larger 'step' or a narrower range");
            return null;
        }
        var points = new List<Located<double>>((int)steps + 1);
        for (var i = 0; i <= (int)steps; i++)
        {
            points.Add(new(Math.Min(Point(f.Value, s.Value, i), t.Value), i == 0 ? f.Location : t.Location));
        }
        return points;
    }

    /// <summary><c>from + i * step</c>, without the floating-point noise in the last digits, unless the noise is all there is between two points.</summary>
    private static double Point(double from, double step, int i)
    {
        var exact = from + i * step;
        var rounded = double.Parse(exact.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Abs(rounded - exact) <= step * StepTolerance ? rounded : exact;
    }
}
