using System.Globalization;
using System.Text;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Engine.Experiments;

/// <summary>
/// A sweep point written as a scenario file: it extends the swept scenario and restates the
/// policies whose parameters the point sets, so a silo runs it like any other file.
/// </summary>
public static class SweepPointYaml
{
    public static string Write(ScenarioDefinition point, string extends, IEnumerable<string> changedPolicies)
    {
        ArgumentNullException.ThrowIfNull(point);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"extends: {Quote(extends)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"name: {Quote(point.Name)}");
        // A calibration may cut the horizon short; restating it costs a sweep nothing.
        text.AppendLine(CultureInfo.InvariantCulture, $"horizon: {point.HorizonMonths}");
        if (point.Parameters.Count > 0)
        {
            text.AppendLine("parameters:");
            foreach (var (name, value) in point.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {Number(value)}");
            }
        }
        text.AppendLine("policies:");
        foreach (var policy in point.Policies.Where(p => changedPolicies.Contains(p.Name, StringComparer.Ordinal)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - name: {Quote(policy.Name)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    type: {PolicyCatalog.NameOf(policy.Type)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    start: {policy.Start}");
            if (policy.End is { } end)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    end: {end}");
            }
            text.AppendLine(CultureInfo.InvariantCulture, $"    budget: {Number(policy.Budget)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    budgetPer: {policy.BudgetPer.FileName()}");
            WriteScope(text, policy.Scope);
            if (policy.Parameters.Count > 0)
            {
                text.AppendLine("    parameters:");
                foreach (var (name, value) in policy.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {name}: {Number(value)}");
                }
            }
        }
        return text.ToString();
    }

    private static void WriteScope(StringBuilder text, PolicyScope scope)
    {
        if (scope.Cities.Count + scope.Zones.Count + scope.Sectors.Count + scope.Institutions.Count + scope.CityPairs.Count == 0)
        {
            return;
        }
        text.AppendLine("    scope:");
        List("cities", scope.Cities.Select(c => c.DisplayName()));
        List("zones", scope.Zones.Select(z => z.FileName()));
        List("sectors", scope.Sectors.Select(s => s.Code()));
        List("institutions", scope.Institutions);
        if (scope.CityPairs.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"      pairs: [{string.Join(", ", scope.CityPairs.Select(p => $"[{Quote(p.A.DisplayName())}, {Quote(p.B.DisplayName())}]"))}]");
        }

        void List(string key, IEnumerable<string> values)
        {
            var items = values.ToArray();
            if (items.Length > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      {key}: [{string.Join(", ", items.Select(Quote))}]");
            }
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
