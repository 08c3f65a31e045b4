using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Engine.Yaml;
using GbaSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Calibration;

/// <summary>
/// Reads a calibration targets file against the scenario it calibrates, reporting every problem
/// at its file, line and column in one <see cref="ScenarioValidationException"/>.
/// </summary>
public static class CalibrationTargetsReader
{
    public static readonly string[] Keys = ["description", "parameters", "targets", "replications", "scale", "maxEvaluations"];

    public static readonly string[] ParameterKeys = ["min", "max", "start"];

    public static readonly string[] TargetKeys = ["figure", "year", "value", "tolerance", "weight", "source", "heldOut"];

    /// <summary>Within this relative error of its value a target counts as hit, unless the file says otherwise.</summary>
    public const double DefaultTolerance = 0.15;

    public const int DefaultReplications = 3;

    public const int DefaultMaxEvaluations = 40;

    public static CalibrationTargets Load(string path, ScenarioDefinition scenario) => Parse(File.ReadAllText(path), path, scenario);

    public static CalibrationTargets Parse(string text, string path, ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var fullPath = Path.GetFullPath(path);
        var diagnostics = new Diagnostics();
        var root = YamlText.Parse(text, fullPath, diagnostics);
        var reader = new YamlReader(fullPath, diagnostics);
        CalibrationTargets? targets = null;
        if (root is not null && reader.Mapping(root, "a calibration targets file") is { } mapping)
        {
            var fields = reader.Fields(mapping, "the targets file", Keys);
            var parameters = fields.Mapping("parameters", required: true) is { } p ? ReadParameters(reader, p, scenario) : [];
            var list = fields.Sequence("targets", required: true) is { } t ? reader.List(t, "'targets'", item => ReadTarget(reader, item, scenario)).Select(x => x.Value).ToArray() : [];
            if (fields.Node("targets") is { } targetsNode && list.Length > 0 && list.All(x => x.HeldOut))
            {
                reader.Error(targetsNode, "every target is held out; at least one must be fitted");
            }
            var replications = diagnostics.Within(fields.Integer("replications"), "replications", 1, 100)?.Value ?? DefaultReplications;
            var scale = diagnostics.Within(fields.Number("scale"), "scale", new Interval(0, 1, MinOpen: true))?.Value;
            var evaluations = diagnostics.Within(fields.Integer("maxEvaluations"), "maxEvaluations", 1, 10_000)?.Value ?? DefaultMaxEvaluations;
            targets = new CalibrationTargets(fullPath, parameters, list, replications, scale, evaluations);
        }
        diagnostics.ThrowIfAny();
        return targets!;
    }

    private static IReadOnlyList<CalibrationParameter> ReadParameters(YamlReader reader, YamlMappingNode mapping, ScenarioDefinition scenario)
    {
        var parameters = new List<CalibrationParameter>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (reader.String(keyNode, "a parameter name") is not { } name)
            {
                continue;
            }
            if (ModelParameterCatalog.Find(name.Value) is not { } known)
            {
                reader.Error(keyNode, $"unknown model parameter '{name.Value}'", Suggestions.Hint(name.Value, ModelParameterCatalog.Names, "model parameters", listAll: true));
                continue;
            }
            if (reader.Mapping(valueNode, $"'{name.Value}'") is not { } bounds)
            {
                continue;
            }
            var fields = reader.Fields(bounds, $"'{name.Value}'", ParameterKeys);
            var range = ModelParameterReader.Range(known);
            var min = reader.Diagnostics.Within(fields.Number("min", required: true), range, $"'min' of '{name.Value}'");
            var max = reader.Diagnostics.Within(fields.Number("max", required: true), range, $"'max' of '{name.Value}'");
            var start = fields.Number("start");
            if (min is not { } lo || max is not { } hi)
            {
                continue;
            }
            if (!(hi.Value > lo.Value))
            {
                reader.Diagnostics.Add(hi.Location, $"'max' of '{name.Value}' must be above its 'min' {Interval.Show(lo.Value)}, not {Interval.Show(hi.Value)}");
                continue;
            }
            var from = start?.Value ?? Math.Clamp(scenario.World.Parameters.Get(known.Name), lo.Value, hi.Value);
            if (start is { } s && (s.Value < lo.Value || s.Value > hi.Value))
            {
                reader.Diagnostics.Add(s.Location, $"'start' of '{name.Value}' must be in [{Interval.Show(lo.Value)}, {Interval.Show(hi.Value)}], not {Interval.Show(s.Value)}");
                continue;
            }
            parameters.Add(new CalibrationParameter(known.Name, lo.Value, hi.Value, from, known.Whole));
        }
        if (parameters.Count == 0 && reader.Diagnostics.Count == 0)
        {
            reader.Error(mapping, "'parameters' names no parameter to fit", "write e.g. 'breakthroughMonthly: { min: 0.02, max: 0.08, start: 0.045 }'");
        }
        return parameters;
    }

    private static Located<CalibrationTarget>? ReadTarget(YamlReader reader, YamlNode item, ScenarioDefinition scenario)
    {
        if (reader.Mapping(item, "a target") is not { } mapping)
        {
            return null;
        }
        var fields = reader.Fields(mapping, "the target", TargetKeys);
        var figure = fields.String("figure", required: true);
        if (figure is { } f && !YearlyFigures.Names.Contains(f.Value, StringComparer.Ordinal))
        {
            reader.Diagnostics.Add(f.Location, $"unknown figure '{f.Value}'", Suggestions.Hint(f.Value, YearlyFigures.Names, "figures", listAll: true));
            figure = null;
        }
        var year = fields.Integer("year", required: true);
        var years = YearlyFigures.WholeYears(scenario.Start, scenario.HorizonMonths).ToArray();
        if (year is { } y && !years.Contains((int)y.Value))
        {
            reader.Diagnostics.Add(y.Location, $"the scenario '{scenario.Name}' does not simulate all of {y.Value}",
                years.Length == 0 ? "it simulates no whole calendar year" : $"it simulates {years[0]} to {years[^1]} whole");
            year = null;
        }
        var value = reader.Diagnostics.Within(fields.Number("value", required: true), "value", Interval.Above(0));
        var tolerance = reader.Diagnostics.Within(fields.Number("tolerance"), "tolerance", new Interval(0, 1, MinOpen: true));
        var weight = reader.Diagnostics.Within(fields.Number("weight"), "weight", Interval.AtLeast(0));
        var source = fields.String("source", required: true);
        var heldOut = fields.String("heldOut") is { } h ? Flag(reader, h) : false;
        if (figure is not { } fig || year is not { } yr || value is not { } v || source is not { } src || heldOut is not { } held)
        {
            return null;
        }
        return new(new CalibrationTarget(fig.Value, (int)yr.Value, v.Value, tolerance?.Value ?? DefaultTolerance, weight?.Value ?? 1, src.Value, held, fields.Location), fields.Location);
    }

    private static bool? Flag(YamlReader reader, Located<string> text)
    {
        if (text.Value is "true" or "false")
        {
            return text.Value == "true";
        }
        reader.Diagnostics.Add(text.Location, $"'heldOut' must be true or false, not '{text.Value}'");
        return null;
    }
}
