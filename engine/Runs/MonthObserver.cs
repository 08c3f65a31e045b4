using GbaSim.Kernel.Snapshots;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Puts a month's record together from what the reporting actors said after a step, wherever
/// they live. What actors report in step s describes month s - 1 (a report sent in a step
/// arrives in the next), so month m is read after step m + 1; policies' spending read after
/// step s belongs to the month the next step completes.
/// </summary>
public sealed class MonthObserver(WorldModel world, YearMonth start)
{
    private IReadOnlyList<PolicyMonth> _policiesLastStep = [];

    /// <summary>What the policies had spent after the last step observed. A branch takes them over from its past.</summary>
    public IReadOnlyList<PolicyMonth> PoliciesLastStep
    {
        get => _policiesLastStep;
        init => _policiesLastStep = value;
    }

    /// <summary>Writes what the observer carries from one step to the next (the policies' spending), for a run's checkpoint.</summary>
    public void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_policiesLastStep.Count);
        foreach (var policy in _policiesLastStep)
        {
            writer.Write(policy.Name);
            writer.Write(policy.Type);
            writer.WriteSpan<double>([policy.Spent, policy.SpentToDate, policy.Budget]);
        }
    }

    /// <summary>Takes what <see cref="Save"/> wrote.</summary>
    public void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var policies = new List<PolicyMonth>();
        for (var count = reader.Read<int>(); count > 0; count--)
        {
            var (name, type) = (reader.ReadString(), reader.ReadString());
            var amounts = reader.ReadArray<double>();
            policies.Add(new PolicyMonth(name, type, amounts[0], amounts[1], amounts[2]));
        }
        _policiesLastStep = policies;
    }

    /// <summary>Call after every step with every reporting actor's figures; returns the month the step completed, or null after step 0.</summary>
    public MonthRecord? Observe(long step, StepFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var policies = ReadPolicies(figures);
        try
        {
            if (step == 0)
            {
                return null;
            }
            var index = (int)step - 1;
            var cities = new Dictionary<City, CityFigures>();
            var region = new CityFigures();
            var transitions = new List<ChainTransition>();
            var flows = new List<FlowRecord>();
            foreach (var city in Cities.All)
            {
                var month = figures.Cities.TryGetValue(city, out var c) ? c : throw new InvalidOperationException($"{city.DisplayName()} did not report after step {step}.");
                var scaled = ScaleUp(month);
                cities[city] = scaled;
                Add(region, scaled);
                var ledger = figures.Ledgers.TryGetValue(city, out var l) ? l : throw new InvalidOperationException($"The ledger of {city.DisplayName()} did not report after step {step}.");
                transitions.AddRange(ledger.Transitions);
                flows.AddRange(ledger.Flows);
            }
            return new MonthRecord(index, start.AddMonths(index), cities, region, transitions, flows, _policiesLastStep);
        }
        finally
        {
            _policiesLastStep = policies;
        }
    }

    private IReadOnlyList<PolicyMonth> ReadPolicies(StepFigures figures)
    {
        var result = new List<PolicyMonth>();
        foreach (var spec in world.Schedule.Policies)
        {
            var (spentThisMonth, spent) = figures.Policies.TryGetValue(spec.Index, out var p) ? p : throw new InvalidOperationException($"Policy '{spec.Name}' did not report.");
            result.Add(new PolicyMonth(spec.Name, PolicyCatalog.NameOf(spec.Type), spentThisMonth / world.Scale, spent / world.Scale, spec.Budget));
        }
        return result;
    }

    private CityFigures ScaleUp(CityFigures figures)
    {
        var scaled = new CityFigures();
        foreach (var property in typeof(CityFigures).GetProperties().Where(p => p.CanWrite))
        {
            var value = Convert.ToDouble(property.GetValue(figures), System.Globalization.CultureInfo.InvariantCulture) / world.Scale;
            property.SetValue(scaled, property.PropertyType == typeof(long) ? (object)(long)Math.Round(value) : value);
        }
        return scaled;
    }

    private static void Add(CityFigures total, CityFigures figures)
    {
        foreach (var property in typeof(CityFigures).GetProperties().Where(p => p.CanWrite))
        {
            if (property.PropertyType == typeof(long))
            {
                property.SetValue(total, (long)property.GetValue(total)! + (long)property.GetValue(figures)!);
            }
            else
            {
                property.SetValue(total, (double)property.GetValue(total)! + (double)property.GetValue(figures)!);
            }
        }
    }
}
