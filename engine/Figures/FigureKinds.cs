namespace GbaSim.Engine.Figures;

/// <summary>The vocabularies of a figure's kind, period, direction and format, so the catalogue and its readers spell them alike.</summary>
public static class FigureKinds
{
    public const string Summary = "summary";
    public const string Monthly = "monthly";
    public const string Statistic = "statistic";
    public const string Chain = "chain";
    public const string Flow = "flow";

    public const string Cumulative = "cumulative";
    public const string Yearly = "yearly";
    public const string Final = "final";
    public const string Run = "run";

    public const string Higher = "higher";
    public const string Lower = "lower";
    public const string Neutral = "neutral";

    public const string Count = "count";
    public const string Percent = "percent";
    public const string Yuan = "yuan";
    public const string Months = "months";
    public const string Plain = "plain";
    public const string PValue = "p-value";

    public const string Sum = "sum";
    public const string Last = "last";

    public const string AllCities = "all 11 cities";
    public const string Guangdong = "the 9 Guangdong cities";
    public const string EachCity = "one city, or the 11 cities summed for the region";
    public const string Comparison = "variant against baseline, over the replications";
}
