using System.Globalization;
using System.Text.Json;
using CsvHelper;
using GbaSim.Engine.Calibration;

namespace GbaSim.Client.Reports;

/// <summary>A calibration's files: the fitted parameters as a scenario snippet, the fit per target and the optimiser's path as CSV, the report as JSON.</summary>
public static class CalibrationFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(DirectoryInfo folder, CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(report);
        folder.Create();
        File.WriteAllText(Path.Combine(folder.FullName, "fitted-parameters.yaml"), report.ParametersYaml());
        File.WriteAllText(Path.Combine(folder.FullName, "calibration.json"), Json(report));
        using (var csv = Csv(Path.Combine(folder.FullName, "fit.csv"), "figure", "year", "target", "simulated_mean", "ci_low", "ci_high", "relative_error", "tolerance", "hit", "held_out", "weight", "source"))
        {
            foreach (var t in report.Targets)
            {
                Row(csv, t.Figure, t.Year, t.Target, t.Mean, t.Low, t.High, t.RelativeError, t.Tolerance, t.Hit, t.HeldOut, t.Weight, t.Source);
            }
        }
        using (var csv = Csv(Path.Combine(folder.FullName, "trace.csv"), ["evaluation", .. report.Parameters.Select(p => p.Name), "objective"]))
        {
            foreach (var step in report.Trace)
            {
                Row(csv, [step.Evaluation, .. report.Parameters.Select(p => (object)step.Parameters[p.Name]), step.Objective]);
            }
        }
    }

    public static string Json(CalibrationReport report) => JsonSerializer.Serialize(report, Options);

    private static CsvWriter Csv(string path, params string[] headers)
    {
        var csv = new CsvWriter(new StreamWriter(path), CultureInfo.InvariantCulture);
        Row(csv, headers);
        return csv;
    }

    private static void Row(CsvWriter csv, params object[] fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
    }
}
