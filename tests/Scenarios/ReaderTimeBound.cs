namespace GbaSim.Tests.Scenarios;

/// <summary>
/// How long one read of a scenario or world may take, and how a test runs one against it. Reads
/// take at most about a tenth of a second on a quiet machine; the bound leaves room for the pauses a
/// full suite's other work causes, while a blow-up (aliases expanded, values unbounded) takes far longer.
/// </summary>
internal static class ReaderTimeBound
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>Starts the read on a thread of its own: one queued behind a busy thread pool would be timed for the wait.</summary>
    public static Task<T> Start<T>(Func<T> read) =>
        Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Whether the read ended (returned or threw) within the limit.</summary>
    public static bool Ends(Task read) => ((IAsyncResult)read).AsyncWaitHandle.WaitOne(Limit);
}
