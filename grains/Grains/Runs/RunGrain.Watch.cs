using System.Runtime.CompilerServices;
using GbaSim.Contracts;
using GbaSim.Contracts.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Grains.Runs;

public sealed partial class RunGrain
{
    public async IAsyncEnumerable<RunEvent> Watch([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var record = store.GetRun(Id) ?? throw RequestRejectedException.NotFound($"There is no run '{Id}'.");
        if (_recorder is null && (record.Status.IsFinished() || record.Status == RunStatus.Running))
        {
            // Finished, or run by another activation or silo: what the store holds, then its ending.
            await foreach (var item in FollowStore(0, [], cancellationToken))
            {
                yield return item;
            }
            yield break;
        }
        var recorder = Recorder(record.Months);
        var (past, coming) = recorder.Subscribe();
        var seen = 0;
        var notices = new HashSet<string>(StringComparer.Ordinal);
        // A resumed run's recorder holds only what came after it took over; the months before are in the store.
        foreach (var item in Stored(record).Where(e => e.Month!.Month.Month < recorder.StoredBefore))
        {
            seen = item.Month!.MonthsDone;
            yield return item;
        }
        foreach (var item in past)
        {
            Seen(item, ref seen, notices);
            yield return item;
        }
        if (coming is not null)
        {
            try
            {
                await foreach (var item in coming.ReadAllAsync(cancellationToken))
                {
                    Seen(item, ref seen, notices);
                    yield return item;
                }
            }
            finally
            {
                _recorder?.Unsubscribe(coming);
            }
        }
        if (recorder.HandedOver)
        {
            // Another activation drives the run now, and its watchers are elsewhere: follow it through the store to its end.
            yield return new RunEvent(null, null, HandedOverNotice);
            await foreach (var item in FollowStore(seen, notices, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>What a watcher is told when the activation it watches hands the run over to a newer one.</summary>
    public const string HandedOverNotice = "another activation of the run took it over after a lost silo; following it through the results store.";

    private static void Seen(RunEvent item, ref int months, HashSet<string> notices)
    {
        months = item.Month?.MonthsDone ?? months;
        if (item.Notice is { } notice)
        {
            notices.Add(notice);
        }
    }

    /// <summary>
    /// Follows the run as the store holds it, whoever drives it: its months after the first
    /// <paramref name="monthsSeen"/>, its recoveries as notices (but those in <paramref name="noticesSeen"/>),
    /// then its final record once it has ended.
    /// </summary>
    private async IAsyncEnumerable<RunEvent> FollowStore(int monthsSeen, HashSet<string> noticesSeen, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = store.GetRun(Id) ?? throw RequestRejectedException.NotFound($"There is no run '{Id}'.");
            foreach (var item in Stored(now).Where(e => e.Month!.MonthsDone > monthsSeen))
            {
                monthsSeen = item.Month!.MonthsDone;
                yield return item;
            }
            var recoveries = store.Recoveries(Id);
            foreach (var notice in recoveries.Select(r => r.Describe()).Where(noticesSeen.Add).ToArray())
            {
                yield return new RunEvent(null, null, notice);
            }
            if (now.Status.IsFinished())
            {
                yield return new RunEvent(null, RunInfos.From(now, recoveries));
                yield break;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private IEnumerable<RunEvent> Stored(RunRecord record) =>
        store.Months(Id).Select(m => new RunEvent(new MonthEvent(Id, m.Month + 1, record.Months, new MonthInfo(m.Month, m.YearMonth, m.Figures)), null));
}
