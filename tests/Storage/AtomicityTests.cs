using GbaSim.Engine.Runs;
using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

public sealed class AtomicityTests : IDisposable
{
    private const int Transitions = 7;
    private readonly StoreFolder _folder = new();
    private readonly SqliteResultsStore _store;

    public AtomicityTests()
    {
        _store = _folder.Open();
        _store.CreateRun(StoreSamples.Run("run-1"));
        _store.MarkStarted("run-1", StoreSamples.Created);
        for (var m = 0; m < 3; m++)
        {
            _store.AppendMonth("run-1", StoreSamples.Month(m, Transitions));
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_month_written_twice_is_refused_and_changes_nothing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _store.AppendMonth("run-1", StoreSamples.Month(1, Transitions, variant: 1)));
        Assert.Contains("already stored", error.Message);

        AssertThreeMonthsStored();
        Assert.Equal(StoreSamples.Figure(1, null, "firms"), _store.Series("run-1", "firms")[1].Value);
    }

    [Fact]
    public void A_month_that_fails_after_most_of_its_rows_are_written_leaves_no_trace()
    {
        // Policies are written last: by then the month's figures, transitions and flows are in.
        var month = StoreSamples.Month(3, Transitions);
        var broken = month with { Policies = [.. month.Policies, new PolicyMonth(null!, "subsidy", 1, 1, 1)] };
        Assert.ThrowsAny<Exception>(() => _store.AppendMonth("run-1", broken));

        AssertThreeMonthsStored();

        // Nothing of it lingers to block the month written again.
        _store.AppendMonth("run-1", month);
        Assert.Equal(4, _store.GetRun("run-1")!.MonthsDone);
        Assert.Equal(4 * Transitions, CsvExportTests.Rows(_store, "run-1", "transitions").Count);
    }

    private void AssertThreeMonthsStored()
    {
        Assert.Equal(3, _store.GetRun("run-1")!.MonthsDone);
        Assert.Equal([0, 1, 2], _store.Months("run-1").Select(m => m.Month));
        Assert.Equal([0, 1, 2], _store.Series("run-1", "revenue", "Macao").Select(p => p.Month));
        Assert.Equal(3 * Transitions, CsvExportTests.Rows(_store, "run-1", "transitions").Count);
        Assert.Equal(3 * StoreSamples.FlowKeys, CsvExportTests.Rows(_store, "run-1", "flows").Count);
        Assert.Equal(3 * 3, CsvExportTests.Rows(_store, "run-1", "policies").Count);
    }
}
