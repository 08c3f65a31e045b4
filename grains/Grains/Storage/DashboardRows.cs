namespace GbaSim.Grains.Storage;

/// <summary>Technologies that reached a chain stage and that stalled at it, over a run (or so far).</summary>
public sealed record StageCount(string Stage, long Reached, long Stalled);

/// <summary>A flow's total between two cities over a run (or so far), in the flow kind's unit.</summary>
public sealed record CityFlowTotal(string From, string To, double Amount);

/// <summary>What one policy spent in one month, in yuan at full scale.</summary>
public sealed record PolicySpendingRow(int Month, string YearMonth, string Policy, string Type, double Spent, double Budget);

/// <summary>Which chain traces to find: any of the filters may be null, meaning "any".</summary>
/// <param name="City">A city where the technology was discovered or took a step (its display name).</param>
/// <param name="Sector">The technology's field (a sector code, e.g. <c>ict</c>).</param>
/// <param name="Stage">The furthest stage the technology reached (e.g. <c>market</c>).</param>
/// <param name="Offset">How many of the traces found to skip, for paging.</param>
public sealed record TechnologySearch(string? City, string? Sector, string? Stage, int Limit, int Offset = 0);

/// <summary>One technology's chain trace, summarised: where it came from, how far it got and when.</summary>
public sealed record TechnologyTrace(long Id, string Sector, string OriginCity, string FurthestStage, bool Stalled, int FirstMonth, int LastMonth, int Transitions);

/// <summary>One recorded chain transition of a technology.</summary>
public sealed record TransitionRow(
    int Month,
    string YearMonth,
    long TechnologyId,
    string Sector,
    string OriginCity,
    string From,
    string To,
    string Outcome,
    string City,
    bool CrossedBorder,
    string HolderKind,
    long Holder,
    int Readiness,
    double FundingMillions);

/// <summary>A flow of one month between two cities.</summary>
public sealed record MonthFlow(int Month, string Kind, string From, string To, double Amount);

/// <summary>How much a month of a run recorded: chain transitions and city-pair flow rows.</summary>
public sealed record MonthActivity(int Month, string YearMonth, int Transitions, int Flows);

/// <summary>Technologies that reached a chain stage, and that stalled at it, in one month.</summary>
public sealed record StageMonthCount(int Month, string Stage, long Reached, long Stalled);

/// <summary>The rows a stored run holds in each table: what deleting it frees.</summary>
public sealed record RunFootprint(string RunId, long Months, long FigureRows, long Transitions, long FlowRows, long PolicyRows);
