using System.Globalization;
using System.Text.Json;
using CsvHelper;
using GbaSim.Engine.Experiments;
using GbaSim.Engine.Sensitivity;

namespace GbaSim.Client.Reports;

/// <summary>A sensitivity analysis's files: the ranked indices and every run as CSV, the report as JSON, and the HTML report.</summary>
public static class SensitivityFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(DirectoryInfo folder, SensitivityPlan plan, IReadOnlyList<ReplicationResult> results, SensitivityReport report)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        folder.Create();
        WriteIndices(Path.Combine(folder.FullName, "indices.csv"), report);
        WriteRuns(Path.Combine(folder.FullName, "runs.csv"), plan, results, report.Outputs.Select(o => o.Output).ToArray());
        File.WriteAllText(Path.Combine(folder.FullName, "sensitivity.json"), Json(report));
        File.WriteAllText(Path.Combine(folder.FullName, "report.html"), SensitivityHtml.Render(report));
    }

    public static string Json(SensitivityReport report) => JsonSerializer.Serialize(report, Options);

    private static void WriteIndices(string path, SensitivityReport report)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] headers = ["output", "factor", "rank", "mu_star", "mu_star_low", "mu_star_high", "mu", "sigma", "sigma_low", "sigma_high", "first", "first_low", "first_high", "total", "total_low", "total_high"];
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var output in report.Outputs)
        {
            foreach (var index in output.Ranking)
            {
                csv.WriteField(output.Output);
                csv.WriteField(index.Factor);
                csv.WriteField(index.Rank);
                Estimate(csv, index.MuStar);
                csv.WriteField(index.Mu?.ToString("R", CultureInfo.InvariantCulture) ?? "");
                Estimate(csv, index.Sigma);
                Estimate(csv, index.First);
                Estimate(csv, index.Total);
                csv.NextRecord();
            }
        }
    }

    private static void Estimate(CsvWriter csv, Estimate? estimate)
    {
        foreach (var value in estimate is null ? [null, null, null] : new double?[] { estimate.Value, estimate.Low, estimate.High })
        {
            csv.WriteField(value?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        }
    }

    private static void WriteRuns(string path, SensitivityPlan plan, IReadOnlyList<ReplicationResult> results, IReadOnlyList<string> outputs)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "point", "replication", "seed", "run_id", "result_hash" }.Concat(plan.Factors.Select(f => f.Name)).Concat(outputs))
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        var points = plan.Points.ToDictionary(p => p.Label, StringComparer.Ordinal);
        foreach (var result in results)
        {
            csv.WriteField(result.Label);
            csv.WriteField(result.Replication);
            csv.WriteField(result.Seed);
            csv.WriteField(result.RunId);
            csv.WriteField(result.ResultHash);
            foreach (var factor in plan.Factors)
            {
                csv.WriteField(points[result.Label].Coordinates[factor.Name]);
            }
            foreach (var output in outputs)
            {
                csv.WriteField(result.Summary.TryGetValue(output, out var value) ? value : double.NaN);
            }
            csv.NextRecord();
        }
    }
}
