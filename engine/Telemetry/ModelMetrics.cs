using System.Diagnostics.Metrics;
using GbaSim.Engine.Runs;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Engine.Telemetry;

/// <summary>
/// The model's metrics, meter <c>GbaSim.Model</c>, recorded from each observed month (never
/// from grains): chain transitions by stage and outcome, talent, capital and technology flows
/// by city pair, and policy spending. Transitions and flows are the simulated sample's own
/// (divide by the run's scale for the region); policy spending is in yuan at full scale.
/// </summary>
/// <remarks>
/// The counters are observable: a month only adds to running totals here (a few hundred array
/// additions under one lock), and a listener reads the totals when it collects (every export
/// interval, or when the dashboard asks). So no measurement passes through a metrics SDK
/// while a run steps. Totals cover every run of the process since it started.
/// </remarks>
public static class ModelMetrics
{
    public const string Name = "GbaSim.Model";

    private const int Pairs = Cities.Count * Cities.Count;

    private static readonly Lock Gate = new();
    private static readonly long[] TransitionTotals = new long[ChainStages.Count * ChainStages.Count * 2];
    private static readonly double[] FlowTotals = new double[Enum.GetValues<FlowKind>().Length * Pairs];
    private static readonly Dictionary<string, double> SpendingTotals = new(StringComparer.Ordinal);
    private static readonly string[] Stages = [.. ChainStages.All.Select(s => s.FileName())];
    private static readonly string[] CityNames = [.. Cities.All.Select(c => c.DisplayName())];
    private static readonly string[] Outcomes = [ChainAttributes.Outcomes.Advanced, ChainAttributes.Outcomes.Stalled];

    public static readonly Meter Meter = new(Name, "1.0");

    public static readonly ObservableCounter<long> Transitions = Meter.CreateObservableCounter("gbasim.chain.transitions", ObserveTransitions, "{transition}", "Technologies advancing or stalling along the chain (tags from, to, outcome).");

    public static readonly ObservableCounter<double> TalentFlows = Meter.CreateObservableCounter("gbasim.flows.talent", () => ObserveFlows(FlowKind.Talent), "{person}", "Talent moving between cities (tags from_city, to_city).");

    public static readonly ObservableCounter<double> CapitalFlows = Meter.CreateObservableCounter("gbasim.flows.capital", () => ObserveFlows(FlowKind.Capital), "{yuan}", "Capital paid from one city to another (tags from_city, to_city).");

    public static readonly ObservableCounter<double> TechnologyFlows = Meter.CreateObservableCounter("gbasim.flows.technology", () => ObserveFlows(FlowKind.Technology), "{technology}", "Technologies offered or licensed from one city to another (tags from_city, to_city).");

    public static readonly ObservableCounter<double> MaterialsFlows = Meter.CreateObservableCounter("gbasim.flows.materials", () => ObserveFlows(FlowKind.Materials), "{prototype}", "Prototypes and samples sent to a pilot platform in another city (tags from_city, to_city).");

    public static readonly ObservableCounter<double> DataFlows = Meter.CreateObservableCounter("gbasim.flows.data", () => ObserveFlows(FlowKind.Data), "{yuan}", "Data products sold from a seller in one city to a buyer in another (tags from_city, to_city).");

    public static readonly ObservableCounter<double> PolicySpending = Meter.CreateObservableCounter("gbasim.policy.spending", ObserveSpending, "{yuan}", "Money spent by each policy programme (tag policy).");

    /// <summary>Adds one month to the totals.</summary>
    public static void Record(MonthRecord month)
    {
        ArgumentNullException.ThrowIfNull(month);
        lock (Gate)
        {
            foreach (var t in month.Transitions)
            {
                TransitionTotals[((((int)t.From * ChainStages.Count) + (int)t.To) * 2) + (int)t.Outcome]++;
            }
            foreach (var f in month.Flows)
            {
                if (f.Amount > 0)
                {
                    FlowTotals[((int)f.Kind * Pairs) + ((int)f.From * Cities.Count) + (int)f.To] += f.Amount;
                }
            }
            foreach (var policy in month.Policies)
            {
                if (policy.Spent > 0)
                {
                    SpendingTotals[policy.Name] = SpendingTotals.GetValueOrDefault(policy.Name) + policy.Spent;
                }
            }
        }
    }

    private static List<Measurement<long>> ObserveTransitions()
    {
        var measurements = new List<Measurement<long>>();
        lock (Gate)
        {
            for (var i = 0; i < TransitionTotals.Length; i++)
            {
                if (TransitionTotals[i] > 0)
                {
                    var from = i / 2 / ChainStages.Count;
                    var to = i / 2 % ChainStages.Count;
                    measurements.Add(new Measurement<long>(TransitionTotals[i], new("from", Stages[from]), new("to", Stages[to]), new("outcome", Outcomes[i % 2])));
                }
            }
        }
        return measurements;
    }

    private static List<Measurement<double>> ObserveFlows(FlowKind kind)
    {
        var measurements = new List<Measurement<double>>();
        lock (Gate)
        {
            for (var pair = 0; pair < Pairs; pair++)
            {
                var total = FlowTotals[((int)kind * Pairs) + pair];
                if (total > 0)
                {
                    measurements.Add(new Measurement<double>(total, new("from_city", CityNames[pair / Cities.Count]), new("to_city", CityNames[pair % Cities.Count])));
                }
            }
        }
        return measurements;
    }

    private static List<Measurement<double>> ObserveSpending()
    {
        lock (Gate)
        {
            return [.. SpendingTotals.Select(p => new Measurement<double>(p.Value, new KeyValuePair<string, object?>("policy", p.Key)))];
        }
    }
}
