namespace GbaSim.Contracts.Runs;

/// <summary>A run as the silo reports it: its scenario, settings, progress and, once finished, its outcome.</summary>
/// <param name="Seed">The seed as digits, since JSON numbers cannot hold every 64-bit seed.</param>
/// <param name="Shards">The shard grains the run's actors are spread over; never changes results.</param>
/// <param name="Granularity">How actors are hosted: <c>shard</c> (inside shard grains) or <c>entity</c> (a grain each).</param>
/// <param name="Recoveries">What the run went through and came back from (a silo lost, the steps re-run), oldest first; null or empty if nothing.</param>
[GenerateSerializer, Immutable, Alias("gbasim.RunInfo")]
public sealed record RunInfo(
    string Id,
    string Scenario,
    string? Description,
    string Status,
    string Seed,
    double Scale,
    int Months,
    int MonthsDone,
    int Threads,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? ResultHash,
    double? Seconds,
    string? Error,
    IReadOnlyDictionary<string, double>? Summary,
    int Shards,
    string Granularity,
    IReadOnlyList<string>? Recoveries = null)
{
    /// <summary>Whether the run has ended, however it ended.</summary>
    public bool IsFinished => Status is RunStatusNames.Completed or RunStatusNames.Failed or RunStatusNames.Cancelled or RunStatusNames.Interrupted;
}
