using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Storage;

public sealed class ConcurrencyTests : IDisposable
{
    private const int Runs = 4;
    private const int MonthCount = 30;
    private const int Transitions = 300;
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Four_runs_appending_on_four_threads_while_others_read_lose_nothing()
    {
        var store = _folder.Open();
        var ids = Enumerable.Range(0, Runs).Select(r => $"run-{r}").ToArray();
        foreach (var id in ids)
        {
            store.CreateRun(StoreSamples.Run(id, months: MonthCount));
            store.MarkStarted(id, StoreSamples.Created);
        }

        using var start = new Barrier(Runs + 1);
        var writers = ids.Select(id => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var m = 0; m < MonthCount; m++)
            {
                store.AppendMonth(id, StoreSamples.Month(m, Transitions));
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        var reader = Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            var reads = 0;
            while (!writers.All(w => w.IsCompleted) || reads == 0)
            {
                foreach (var id in ids)
                {
                    var series = store.Series(id, "firms", "Zhuhai");
                    Assert.Equal(Enumerable.Range(0, series.Count), series.Select(p => p.Month));
                    Assert.True(store.GetRun(id)!.MonthsDone >= series.Count);
                    reads++;
                }
                store.ExportCsv(ids[0], "flows", TextWriter.Null);
                Assert.Equal(Runs, store.ListRuns().Count);
            }
            return reads;
        }, TaskCreationOptions.LongRunning);

        await Task.WhenAll([.. writers, reader]);
        Assert.True(await reader > 0);

        foreach (var id in ids)
        {
            Assert.Equal(MonthCount, store.GetRun(id)!.MonthsDone);
            var months = store.Months(id, "Zhuhai");
            Assert.Equal(Enumerable.Range(0, MonthCount), months.Select(m => m.Month));
            Assert.All(months, m => Assert.Equal(StoreSamples.Figure(m.Month, City.Zhuhai, "hires"), m.Figures["hires"]));
            Assert.Equal(MonthCount * Transitions, CsvExportTests.Rows(store, id, "transitions").Count);
        }
    }
}
