using static GbaSim.Engine.Figures.FigureKinds;

namespace GbaSim.Engine.Figures;

/// <summary>The cost of an outcome in a comparison: yuan of a variant's extra policy spending per additional unit of the outcome.</summary>
internal static class CostFigures
{
    private static Figure F(string outcome, string additional, string unit) =>
        new($"costPer.{outcome}", Statistic, $"Cost per additional {additional}", $"yuan per {unit}",
            $"The variant's extra policy spending ÷ its extra {additional} over the baseline, both averaged over the paired replications, with Fieller's 95% interval. "
            + $"Not defined when the variant does not spend more, or when the change cannot be told from zero (its 95% interval contains 0) or is a fall.",
            $"yuan per {unit}", Comparison, Run, Lower, Yuan);

    public static IReadOnlyList<Figure> All { get; } =
    [
        F("technologiesCommercialized", "technology commercialised", "technology"),
        F("highTechEnterprises", "high-tech enterprise at the end of the run", "firm"),
        F("talentEmployed", "R&D staff member of firms at the end of the run", "person"),
        F("inventionPatents", "invention patent", "patent"),
    ];
}
