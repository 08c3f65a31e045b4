namespace GbaSim.Contracts.Runs;

/// <summary>The statuses a run reports, as written in <see cref="RunInfo.Status"/>.</summary>
public static class RunStatusNames
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The silo stopped while the run was queued or running; the months it finished are kept.</summary>
    public const string Interrupted = "interrupted";
}
