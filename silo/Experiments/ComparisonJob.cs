namespace GbaSim.Silo.Experiments;

/// <summary>
/// A comparison the silo runs for the dashboard, as it stands: <c>running</c>, then
/// <c>completed</c> (with the archived comparison's id), <c>failed</c> or <c>cancelled</c> (with why).
/// Months count over all its runs, whose ids it lists once they are submitted.
/// </summary>
public sealed record ComparisonJob(
    string Id,
    string Baseline,
    IReadOnlyList<string> Variants,
    int Replications,
    double? Scale,
    string? ForkAt,
    string Status,
    int MonthsDone,
    int MonthsTotal,
    string Progress,
    string? ComparisonId,
    string? Error,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> RunIds);
