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

    /// <summary>One kind of flow between two different cities, as the chord and the map draw it.</summary>
    private static Figure Between(string kind, string label, string what, string unit, string format) =>
        F($"flow.{kind}", Flow, $"{label}, cumulative", $"{kind} flows", $"{what}, by city pair, {SoFar} (or in the month alone where the view says so).", unit, AllCities, Cumulative, Neutral, format);

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
        Between("talent", "Talent moving between cities", "Migrants leaving one city for another (moves within a city excluded)", "people", Count),
        Between("capital", "Capital flowing between cities", "Licence payments, fund investments and repayments sent from one city to another, before losses on the way", "yuan", Yuan),
        Between("technology", "Technology transfers between cities", "Technology offers and licences from one city to another", "technologies", Count),
        F("flow.crossBorderShare", Flow, "Cross-border share of flows between cities, cumulative", "cross-border shares",
            $"Of each kind of flow between two different cities, the share moving between territories (mainland, Hong Kong, Macao), {SoFar}.", "share", AllCities, Cumulative, Higher, Percent),
    ];
}
