using GbaSim.Client.Output;
using GbaSim.Contracts.Runs;

namespace GbaSim.Client.Commands;

/// <summary>
/// How a command that shows a run ends: a run that failed, was cancelled or was interrupted is
/// said so on standard error (with its error and how far it got) and gives exit code
/// <see cref="ExitCodes.RunNotCompleted"/>; a completed, queued or running run gives 0.
/// </summary>
public static class RunOutcome
{
    public static int Report(IConsoleView view, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(run);
        if (!run.IsFinished || run.Status == RunStatusNames.Completed)
        {
            return ExitCodes.Success;
        }
        view.Error($"Run {run.Id} {run.Status} after {run.MonthsDone} of {run.Months} months{(string.IsNullOrEmpty(run.Error) ? "" : $": {run.Error}")}");
        return ExitCodes.RunNotCompleted;
    }
}
