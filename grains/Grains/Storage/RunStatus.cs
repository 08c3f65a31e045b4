namespace GbaSim.Grains.Storage;

/// <summary>Where a run stands. Only <see cref="Completed"/> runs have a result hash and a full history.</summary>
public enum RunStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,

    /// <summary>The silo stopped while the run was queued or running; the months it finished are kept.</summary>
    Interrupted,
}

public static class RunStatuses
{
    public static bool IsFinished(this RunStatus status) => status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted;

    public static string Name(this RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus Parse(string name) => Enum.Parse<RunStatus>(name, ignoreCase: true);
}
