using System.Globalization;
using System.Text;
using GbaSim.Engine.Scenarios;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model;

/// <summary>
/// Writes scenarios and worlds built in code (<see cref="ModelFixtures"/>) as the YAML files a
/// client submits (docs/scenario-format.md), so model tests can run them on a silo.
/// </summary>
public static class ScenarioYaml
{
    /// <summary>The scenario's file, naming <paramref name="worldPath"/> (relative to the scenario) as its world.</summary>
    public static string Scenario(ScenarioDefinition scenario, string worldPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var yaml = new StringBuilder();
        yaml.AppendLine($"name: {Quoted(scenario.Name)}");
        yaml.AppendLine($"seed: {scenario.Seed.ToString(CultureInfo.InvariantCulture)}");
        yaml.AppendLine($"start: {scenario.Start}");
        yaml.AppendLine($"horizon: {Number(scenario.HorizonMonths)}");
        yaml.AppendLine("step: month");
        yaml.AppendLine($"world: {Quoted(worldPath)}");
        yaml.AppendLine($"scale: {Number(scenario.Scale)}");
        yaml.AppendLine(scenario.Policies.Count == 0 ? "policies: []" : "policies:");
        foreach (var policy in scenario.Policies)
        {
            yaml.AppendLine($"  - name: {Quoted(policy.Name)}");
            yaml.AppendLine($"    type: {PolicyCatalog.NameOf(policy.Type)}");
            yaml.AppendLine($"    start: {policy.Start}");
            if (policy.End is { } end)
            {
                yaml.AppendLine($"    end: {end}");
            }
            yaml.AppendLine($"    budget: {Number(policy.Budget)}");
            yaml.AppendLine($"    budgetPer: {policy.BudgetPer.FileName()}");
            yaml.AppendLine($"    scope: {Scope(policy.Scope)}");
            yaml.AppendLine($"    parameters: {{ {string.Join(", ", policy.Parameters.Select(p => $"{p.Key}: {Number(p.Value)}"))} }}");
        }
        if (scenario.ForkAt is { } forkAt)
        {
            yaml.AppendLine($"fork: {{ at: {forkAt} }}");
        }
        return yaml.ToString();
    }

    /// <summary>The world's file: every city, institution and link, and the parameters that differ from the defaults.</summary>
    public static string World(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var yaml = new StringBuilder();
        yaml.AppendLine($"name: {Quoted(world.Name)}");
        var changed = ModelParameters.Names.Where(n => world.Parameters.Get(n).CompareTo(ModelParameters.Default.Get(n)) != 0).ToArray();
        yaml.AppendLine($"parameters: {{ {string.Join(", ", changed.Select(n => $"{n}: {Number(world.Parameters.Get(n))}"))} }}");
        yaml.AppendLine("cities:");
        foreach (var city in world.Cities)
        {
            yaml.AppendLine($"  - name: {Quoted(city.City.DisplayName())}");
            yaml.AppendLine($"    talent: {Number(city.Talent)}");
            yaml.AppendLine($"    talentLevels: [{string.Join(", ", city.TalentLevelShares.Select(Number))}]");
            yaml.AppendLine($"    monthlyWage: {Number(city.MonthlyWage)}");
            yaml.AppendLine($"    livingCost: {Number(city.LivingCost)}");
            yaml.AppendLine($"    firms: {Number(city.Firms)}");
            yaml.AppendLine($"    sectors: {{ {string.Join(", ", Sectors.All.Select((s, i) => $"{s.Code()}: {Number(city.SectorShares[i])}"))} }}");
            yaml.AppendLine($"    zones: {{ {string.Join(", ", city.ZoneShares.Select(z => $"{z.Key.FileName()}: {Number(z.Value)}"))} }}");
        }
        yaml.AppendLine("institutions:");
        foreach (var institution in world.Institutions)
        {
            yaml.AppendLine($"  - key: {institution.Key}");
            yaml.AppendLine($"    name: {Quoted(institution.Name)}");
            yaml.AppendLine($"    kind: {institution.Kind.FileName()}");
            yaml.AppendLine($"    city: {Quoted(institution.City.DisplayName())}");
            yaml.AppendLine($"    zone: {institution.Zone.FileName()}");
            yaml.AppendLine($"    researchers: {Number(institution.Researchers)}");
            yaml.AppendLine($"    quality: {Number(institution.Quality)}");
            yaml.AppendLine($"    graduatesPerYear: {Number(institution.GraduatesPerYear)}");
            yaml.AppendLine($"    capacity: {Number(institution.Capacity)}");
            yaml.AppendLine($"    capital: {Number(institution.Capital)}");
            yaml.AppendLine($"    feeRate: {Number(institution.FeeRate)}");
            yaml.AppendLine($"    sectors: [{string.Join(", ", institution.Sectors.Select(s => s.Code()))}]");
            yaml.AppendLine($"    stages: [{string.Join(", ", institution.Stages.Select(s => s.FileName()))}]");
        }
        yaml.AppendLine(world.Links.Count == 0 ? "links: []" : "links:");
        foreach (var link in world.Links)
        {
            yaml.AppendLine($"  - between: [{Quoted(link.A.DisplayName())}, {Quoted(link.B.DisplayName())}]");
            yaml.AppendLine($"    corridor: {Quoted(link.Corridor)}");
            yaml.AppendLine($"    travelHours: {Number(link.TravelHours)}");
            yaml.AppendLine($"    talentLoss: {Number(link.TalentLoss)}");
            yaml.AppendLine($"    talentDelayMonths: {Number(link.TalentDelayMonths)}");
            yaml.AppendLine($"    technologyLoss: {Number(link.TechnologyLoss)}");
            yaml.AppendLine($"    capitalLoss: {Number(link.CapitalLoss)}");
        }
        return yaml.ToString();
    }

    private static string Scope(PolicyScope scope) =>
        $"{{ cities: [{string.Join(", ", scope.Cities.Select(c => Quoted(c.DisplayName())))}], " +
        $"zones: [{string.Join(", ", scope.Zones.Select(z => z.FileName()))}], " +
        $"sectors: [{string.Join(", ", scope.Sectors.Select(s => s.Code()))}], " +
        $"institutions: [{string.Join(", ", scope.Institutions)}], " +
        $"pairs: [{string.Join(", ", scope.CityPairs.Select(p => $"[{Quoted(p.A.DisplayName())}, {Quoted(p.B.DisplayName())}]"))}] }}";

    /// <summary>Shortest round-trip form, so the silo reads back exactly the double the test built.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quoted(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
