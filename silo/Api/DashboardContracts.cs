using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbaSim.Silo.Api;

/// <summary>How many technologies reached a chain stage, and how many stalled there.</summary>
public sealed record ChainStageInfo(string Stage, long Reached, long Stalled);

/// <summary>The chain of a run so far, stage by stage in chain order (for a Sankey).</summary>
public sealed record ChainInfo(string RunId, int MonthsDone, IReadOnlyList<ChainStageInfo> Stages);

/// <summary>A flow's total from one city to another; <paramref name="CrossesBorder"/> when they lie in different territories.</summary>
public sealed record CityFlowInfo(string From, string To, double Amount, bool CrossesBorder);

/// <summary>
/// One kind of flow between the cities over a run so far. <paramref name="CrossBorderShare"/> is
/// the share of the flows between two different cities that cross a territory border (null when
/// there are none).
/// </summary>
public sealed record FlowsInfo(string RunId, string Kind, string Unit, int MonthsDone, double Total, double? CrossBorderShare, IReadOnlyList<CityFlowInfo> Flows);

/// <summary>One policy's spending, month by month (aligned with <see cref="PoliciesInfo.Months"/>), in yuan at full scale.</summary>
public sealed record PolicySpendingInfo(string Name, string Type, double Budget, IReadOnlyList<double> Spent);

/// <summary>Every policy's spending by month.</summary>
public sealed record PoliciesInfo(string RunId, IReadOnlyList<string> Months, IReadOnlyList<PolicySpendingInfo> Policies);

/// <summary>
/// A technology's chain trace, summarised. <paramref name="Name"/> reads as the discovering
/// institution's key and serial (e.g. <c>hkust-7</c>); <paramref name="Outcome"/> is <c>market</c>
/// (it launched), <c>stalled</c> or <c>in progress</c>; months are indexes from the run's start,
/// and also given as YYYY-MM.
/// </summary>
public sealed record TechnologyInfo(
    long Id, string Name, string Sector, string OriginCity, string FurthestStage, string Outcome,
    int FirstMonth, int LastMonth, int Transitions, string FirstYearMonth, string LastYearMonth);

/// <summary>A page of the chain traces found by a search (from <paramref name="Offset"/>), with the filters it used and how many it found in all.</summary>
public sealed record TechnologiesInfo(string RunId, string? City, string? Sector, string? Stage, int Limit, int Offset, int Total, IReadOnlyList<TechnologyInfo> Technologies);

/// <summary>
/// One chain transition: a technology moving from one stage to the next (or stalling) in a
/// city, held afterwards by <paramref name="Holder"/> (a grain name such as <c>firm/sz-ict-00042</c>).
/// </summary>
public sealed record TransitionInfo(
    int Month,
    string YearMonth,
    long TechnologyId,
    string Sector,
    string From,
    string To,
    string Outcome,
    string City,
    bool CrossedBorder,
    string HolderKind,
    string Holder,
    int Readiness,
    double FundingMillions);

/// <summary>One technology's journey across grains: every transition it went through.</summary>
public sealed record JourneyInfo(string RunId, TechnologyInfo Technology, IReadOnlyList<TransitionInfo> Steps);

/// <summary>A flow that left a city in one month.</summary>
public sealed record MonthFlowInfo(int Month, string Kind, string From, string To, double Amount);

/// <summary>What a city's ledger recorded lately: its newest transitions and the latest month's flows out of it.</summary>
public sealed record CityActivityInfo(string RunId, string City, IReadOnlyList<TransitionInfo> Transitions, IReadOnlyList<MonthFlowInfo> Flows);

[JsonSerializable(typeof(ChainInfo))]
[JsonSerializable(typeof(FlowsInfo))]
[JsonSerializable(typeof(PoliciesInfo))]
[JsonSerializable(typeof(TechnologiesInfo))]
[JsonSerializable(typeof(JourneyInfo))]
[JsonSerializable(typeof(CityActivityInfo))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed partial class DashboardJsonContext : JsonSerializerContext;
