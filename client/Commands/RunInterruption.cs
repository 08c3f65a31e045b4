using GbaSim.Client.Output;

namespace GbaSim.Client.Commands;

/// <summary>
/// Ctrl-C while <c>run</c> follows a run: the first press announces the cancellation and, unless
/// a second press comes within <see cref="Grace"/>, asks the silo to cancel the run and follows
/// it to its end; a second press stops following and leaves the run going.
/// </summary>
public sealed class RunInterruption : IDisposable
{
    private readonly IConsoleView _view;
    private readonly string _runId;
    private readonly Func<Task> _cancelRun;
    private readonly CancellationTokenSource _stopFollowing = new();
    private int _presses;
    private int _cancelSent;

    /// <summary>How long the first press waits for a second before the silo is asked to cancel.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(3);

    public RunInterruption(IConsoleView view, string runId, Func<Task> cancelRun)
    {
        _view = view;
        _runId = runId;
        _cancelRun = cancelRun;
        Console.CancelKeyPress += OnPress;
    }

    /// <summary>Cancelled on the second press.</summary>
    public CancellationToken StopFollowing => _stopFollowing.Token;

    public bool CancelRequested => Volatile.Read(ref _cancelSent) == 1;

    public bool LeftRunning => Volatile.Read(ref _presses) >= 2;

    private void OnPress(object? sender, ConsoleCancelEventArgs press)
    {
        // This command ends itself, saying what became of the run, instead of the runtime killing it.
        press.Cancel = true;
        switch (Interlocked.Increment(ref _presses))
        {
            case 1:
                _view.Error($"Cancelling run {_runId} on the silo in {Grace.TotalSeconds:0} s; press Ctrl-C again to leave it running instead.");
                _ = CancelAfterGrace();
                break;
            case 2:
                _stopFollowing.Cancel();
                break;
        }
    }

    private async Task CancelAfterGrace()
    {
        try
        {
            await Task.Delay(Grace, _stopFollowing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            Volatile.Write(ref _cancelSent, 1);
            _view.Error($"Asked the silo to cancel run {_runId}.");
            await _cancelRun();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _view.Error($"The silo did not take the cancellation of run {_runId}: {ex.Message}");
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnPress;
        // A cancellation still waiting out its grace is dropped: the run already ended.
        _stopFollowing.Cancel();
        _stopFollowing.Dispose();
    }
}
