using System.Globalization;

namespace GbaSim.Grains.Storage;

/// <summary>
/// A run's recovery after it lost part of itself: which silos were gone, the step it was on, the
/// checkpoint step it went back to, and how long it took from the failure to running again.
/// </summary>
public sealed record RunRecovery(DateTimeOffset At, string LostSilos, long FailedStep, long RestartStep, double Seconds)
{
    /// <summary>Months of the run simulated twice: those between the checkpoint and the failure.</summary>
    public long MonthsRerun => Math.Max(0, FailedStep - RestartStep);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Lost {LostSilos} at step {FailedStep}; went back to the checkpoint at step {RestartStep} and re-ran {MonthsRerun} months ({Seconds:F1} s to recover).");
}
