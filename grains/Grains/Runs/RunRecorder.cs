using System.Threading.Channels;
using GbaSim.Contracts.Runs;
using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Grains.Runs;

/// <summary>
/// Records one run's months as they finish: in the results store, by a writer of its own so the
/// simulation never waits for the disk, and to everyone watching the run. Watchers who arrive
/// late get the months published so far first, then the rest, then the final record.
/// </summary>
internal sealed class RunRecorder
{
    private readonly IResultsStore _store;
    private readonly Channel<MonthRecord> _months = Channel.CreateBounded<MonthRecord>(new BoundedChannelOptions(32) { SingleReader = true, SingleWriter = true });
    private readonly Task _writer;
    private readonly List<RunEvent> _published = [];
    private readonly List<Channel<RunEvent>> _watchers = [];
    private bool _ended;
    private int _stored;

    public RunRecorder(IResultsStore store, string runId, int monthsTotal)
    {
        _store = store;
        RunId = runId;
        MonthsTotal = monthsTotal;
        _writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var month in _months.Reader.ReadAllAsync())
                {
                    _store.AppendMonth(runId, month);
                    Volatile.Write(ref _stored, month.Index + 1);
                }
            }
            catch (Exception ex)
            {
                // Closing the channel with the failure wakes a run waiting for room in it.
                _months.Writer.TryComplete(ex);
                throw;
            }
        });
    }

    public string RunId { get; }

    public int MonthsTotal { get; }

    public int MonthsDone { get; private set; }

    /// <summary>Stores and publishes a finished month; waits only when the writer is far behind, and rethrows the store's failure if it had one.</summary>
    public async ValueTask Month(MonthRecord month, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(month);
        if (_writer.IsFaulted)
        {
            await _writer;
        }
        try
        {
            // Cancellation only ends a wait for room, never a write that fits.
            if (!_months.Writer.TryWrite(month))
            {
                await _months.Writer.WriteAsync(month, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            // Closed by the writer's failure: that failure is the one to report.
            await _writer;
            throw;
        }
        MonthsDone = month.Index + 1;
        Publish(new RunEvent(new MonthEvent(RunId, MonthsDone, MonthsTotal, MonthInfos.From(month)), null));
    }

    /// <summary>Months stored before this recorder took over (a run resumed after its silo stopped).</summary>
    public int StoredBefore { get; private set; }

    /// <summary>Takes over a run whose first <paramref name="monthsStored"/> months are stored already: later months follow them.</summary>
    public void Resume(int monthsStored)
    {
        if (MonthsDone == 0)
        {
            StoredBefore = monthsStored;
        }
        if (monthsStored > MonthsDone)
        {
            MonthsDone = monthsStored;
            Volatile.Write(ref _stored, Math.Max(Volatile.Read(ref _stored), monthsStored));
        }
    }

    /// <summary>Waits until every month handed over so far is stored (the run goes on writing after); rethrows the store's failure if it had one.</summary>
    public async Task Stored()
    {
        while (Volatile.Read(ref _stored) < MonthsDone)
        {
            if (_writer.IsCompleted)
            {
                await _writer;
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    /// <summary>Tells the watchers something that happened to the run.</summary>
    public void Notice(string text) => Publish(new RunEvent(null, null, text));

    /// <summary>Waits until every month is stored; rethrows the store's failure if it had one.</summary>
    public async Task Flush()
    {
        _months.Writer.TryComplete();
        await _writer;
    }

    /// <summary>Tells the watchers how the run ended; they stop after it.</summary>
    public void End(RunInfo final) => Close(new RunEvent(null, final));

    /// <summary>Whether another activation of the run took it over from this one, whose watchers then follow the store.</summary>
    public bool HandedOver { get; private set; }

    /// <summary>
    /// Another activation drives the run now: months still queued are stored, and the watchers
    /// here stop without a final record, which only the new driver will know.
    /// </summary>
    public void HandOver() => Close(null);

    /// <summary>Stops taking months and ends every watch, after <paramref name="last"/> (the final record) if there is one.</summary>
    private void Close(RunEvent? last)
    {
        _months.Writer.TryComplete();
        if (_ended)
        {
            return;
        }
        _ended = true;
        HandedOver = last is null;
        if (last is not null)
        {
            Publish(last);
        }
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryComplete();
        }
        _watchers.Clear();
    }

    /// <summary>The events so far, and a reader of those to come (none once the run has ended or been handed over).</summary>
    public (IReadOnlyList<RunEvent> Past, ChannelReader<RunEvent>? Coming) Subscribe()
    {
        var past = _published.ToArray();
        if (_ended)
        {
            return (past, null);
        }
        var channel = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _watchers.Add(channel);
        return (past, channel.Reader);
    }

    public void Unsubscribe(ChannelReader<RunEvent> reader) => _watchers.RemoveAll(w => w.Reader == reader);

    private void Publish(RunEvent item)
    {
        _published.Add(item);
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(item);
        }
    }
}
