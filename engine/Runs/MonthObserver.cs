using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Kernel.Hosting;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Reads a month's figures off the grains between steps. What grains report in step s describes
/// month s - 1 (a report sent in a step arrives in the next), so month m is read after step m + 1.
/// </summary>
internal sealed class MonthObserver(GrainRuntime<EcosystemMessage> runtime, WorldModel world, YearMonth start)
{
    private IReadOnlyList<PolicyMonth> _policiesLastStep = [];

    /// <summary>What the policies had spent after the last step observed; they belong to the month the next step completes. A branch takes them over from its past.</summary>
    public IReadOnlyList<PolicyMonth> PoliciesLastStep
    {
        get => _policiesLastStep;
        init => _policiesLastStep = value;
    }

    /// <summary>Call after every step; returns the month the step completed, or null after step 0.</summary>
    public MonthRecord? Observe(long step)
    {
        var policies = ReadPolicies();
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
                var figures = ScaleUp(((CityEconomy)Grain(ModelActors.CityId(city))).Month);
                cities[city] = figures;
                Add(region, figures);
                var ledger = (ChainLedger)Grain(ModelActors.LedgerId(city));
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

    private IReadOnlyList<PolicyMonth> ReadPolicies()
    {
        var result = new List<PolicyMonth>();
        for (var i = 0; i < world.Schedule.Policies.Count; i++)
        {
            var policy = (PolicyProgramme)Grain(ModelActors.PolicyId(i));
            result.Add(new PolicyMonth(policy.Spec.Name, PolicyCatalog.NameOf(policy.Spec.Type), policy.SpentThisMonth / world.Scale, policy.Spent / world.Scale, policy.Spec.Budget));
        }
        return result;
    }

    private Kernel.Actors.Actor<EcosystemMessage> Grain(Kernel.Identity.ActorId id) => runtime.TryGetGrain(id, out var grain)
        ? grain is FaultingActor faulting ? faulting.Inner : grain
        : throw new InvalidOperationException($"{runtime.Types.Describe(id)} is not active.");

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
