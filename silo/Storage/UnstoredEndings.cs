using System.Collections.Concurrent;
using GbaSim.Grains.Storage;

namespace GbaSim.Silo.Storage;

/// <summary>
/// How runs ended when the store could not write it: reported in place of the stored record's
/// open status, so that no run shows as running after it stopped, and written once the store
/// can write again. Lost if the silo stops first; the next start then marks those runs interrupted.
/// </summary>
internal sealed class UnstoredEndings
{
    private readonly ConcurrentDictionary<string, Ending> _endings = new(StringComparer.Ordinal);

    public bool IsEmpty => _endings.IsEmpty;

    public void Keep(string runId, RunStatus status, string? error, DateTimeOffset at, string note) => _endings[runId] = new Ending(status, error, at, note);

    /// <summary>The record as callers should see it: with the kept ending while the stored one is still open.</summary>
    public RunRecord? Apply(RunRecord? stored)
    {
        if (stored is null || !_endings.TryGetValue(stored.Id, out var ending))
        {
            return stored;
        }
        if (stored.Status.IsFinished())
        {
            _endings.TryRemove(stored.Id, out _);
            return stored;
        }
        var error = string.IsNullOrEmpty(ending.Error) ? ending.Note : $"{ending.Error} [{ending.Note}]";
        return stored with { Status = ending.Status, Error = error, FinishedAt = ending.At };
    }

    /// <summary>Writes every kept ending through <paramref name="finish"/>; stops at the first that fails and rethrows it.</summary>
    public void WriteAll(Action<string, RunStatus, string?, DateTimeOffset> finish)
    {
        foreach (var (runId, ending) in _endings.ToArray())
        {
            try
            {
                finish(runId, ending.Status, ending.Error, ending.At);
            }
            catch (InvalidOperationException)
            {
                // Already finished or gone from the store: nothing left to write.
            }
            _endings.TryRemove(runId, out _);
        }
    }

    private sealed record Ending(RunStatus Status, string? Error, DateTimeOffset At, string Note);
}
