using static GbaSim.Engine.Figures.FigureKinds;

namespace GbaSim.Engine.Figures;

/// <summary>
/// What the dashboard charts beyond run summaries and city months: monthly totals it adds up
/// (patents, policy spending), the chain's stage counts and the flows between cities.
/// </summary>
internal static class ChartFigures
{
    private static Figure F(string name, string kind, string label, string @short, string definition, string unit, string scope, string period, string better, string format, string overTime = "") =>
        new(name, kind, label, @short, definition, unit, scope, period, better, format, overTime);

    private const string SoFar = "counted from the run's first month up to the month shown";

    public static IReadOnlyList<Figure> All { get; } =
    [
        F("patentsGranted", Monthly, "Patents granted per month", "patents",
            "Invention patents plus other patents (utility models and designs) granted that month.", "patents", EachCity, FigureKinds.Monthly, Higher, Count, Sum),
        F("policySpending", Monthly, "Policy spending per month", "policy spending",
            "Each policy's spending that month at full scale: payments made plus the evenly booked budgets of rule-changing policies. Set by the scenario, so an input.", "yuan", AllCities, FigureKinds.Monthly, Neutral, Yuan, Sum),
        F("chain.stages", Chain, "Technologies along the chain, cumulative", "chain",
            $"Technologies that reached each stage of basic research → breakthrough → transformation → financing → market, that stalled at a stage, or that are still at it, {SoFar}.", "technologies", EachCity, Cumulative, Higher, Count),
        F("chain.counts", Chain, "Technologies reaching and stalling at each stage, cumulative", "stage counts",
            $"Per stage, technologies that reached it and technologies that stalled at it, {SoFar}.", "technologies", EachCity, Cumulative, Higher, Count),
        F("flow.talent", Flow, "Talent moving between cities, cumulative", "talent flows",
            $"Migrants leaving one city for another, by city pair, {SoFar} (or in the month alone where the view says so); moves within a city excluded.", "people", AllCities, Cumulative, Neutral, Count),
        F("flow.capital", Flow, "Capital flowing between cities, cumulative", "capital flows",
            $"Licence payments, fund investments and repayments sent from one city to another, by city pair, before losses on the way, {SoFar} (or in the month alone where the view says so).", "yuan", AllCities, Cumulative, Neutral, Yuan),
        F("flow.technology", Flow, "Technology transfers between cities, cumulative", "technology flows",
            $"Technology offers and licences from one city to another, by city pair, {SoFar} (or in the month alone where the view says so).", "technologies", AllCities, Cumulative, Neutral, Count),
        F("flow.crossBorderShare", Flow, "Cross-border share of flows between cities, cumulative", "cross-border shares",
            $"Of each kind of flow between two different cities, the share moving between territories (mainland, Hong Kong, Macao), {SoFar}.", "share", AllCities, Cumulative, Higher, Percent),
    ];
}
