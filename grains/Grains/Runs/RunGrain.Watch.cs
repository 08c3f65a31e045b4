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
            foreach (var item in Stored(record))
            {
                yield return item;
            }
            var last = record;
            while (!last.Status.IsFinished())
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                var now = store.GetRun(Id)!;
                foreach (var month in store.Months(Id).Where(m => m.Month >= last.MonthsDone))
                {
                    yield return new RunEvent(new MonthEvent(Id, month.Month + 1, now.Months, new MonthInfo(month.Month, month.YearMonth, month.Figures)), null);
                }
                last = now;
            }
            yield return new RunEvent(null, RunInfos.From(last));
            yield break;
        }
        var recorder = Recorder(record.Months);
        var (past, coming) = recorder.Subscribe();
        // A resumed run's recorder holds only what came after it took over; the months before are in the store.
        foreach (var item in Stored(record).Where(e => e.Month!.Month.Month < recorder.StoredBefore))
        {
            yield return item;
        }
        foreach (var item in past)
        {
            yield return item;
        }
        if (coming is null)
        {
            yield break;
        }
        try
        {
            await foreach (var item in coming.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            _recorder?.Unsubscribe(coming);
        }
    }

    private IEnumerable<RunEvent> Stored(RunRecord record) =>
        store.Months(Id).Select(m => new RunEvent(new MonthEvent(Id, m.Month + 1, record.Months, new MonthInfo(m.Month, m.YearMonth, m.Figures)), null));
}
