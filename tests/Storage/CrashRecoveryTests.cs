using GbaSim.Grains.Storage;
using GbaSim.Silo.Storage;

namespace GbaSim.Tests.Storage;

public sealed class CrashRecoveryTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_the_silo_never_finished_keeps_its_months_and_is_interrupted_at_the_next_start()
    {
        // The first silo: one run finishes, one is cut off after five months, one never starts.
        var first = _folder.Open();
        var done = StoreSamples.Run("done");
        first.CreateRun(done);
        first.MarkStarted("done", StoreSamples.Created);
        first.AppendMonth("done", StoreSamples.Month(0));
        first.Complete("done", StoreSamples.Result(done, 1), StoreSamples.Created.AddMinutes(1));
        first.CreateRun(StoreSamples.Run("cut-off"));
        first.MarkStarted("cut-off", StoreSamples.Created);
        for (var m = 0; m < 5; m++)
        {
            first.AppendMonth("cut-off", StoreSamples.Month(m));
        }
        first.CreateRun(StoreSamples.Run("waiting"));

        // The silo dies: nothing is closed or completed. A new one opens the same folder.
        var second = _folder.Open();
        var cutOff = second.GetRun("cut-off")!;
        Assert.Equal(RunStatus.Running, cutOff.Status);
        Assert.False(cutOff.Status.IsFinished());
        Assert.Null(cutOff.ResultHash);
        Assert.Equal(5, cutOff.MonthsDone);
        Assert.Equal(Enumerable.Range(0, 5), second.Months("cut-off").Select(m => m.Month));

        var at = StoreSamples.Created.AddHours(1);
        Assert.Equal(2, second.InterruptUnfinishedRuns(at));
        Assert.Equal(0, second.InterruptUnfinishedRuns(at));

        var interrupted = second.GetRun("cut-off")!;
        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        Assert.Equal(at, interrupted.FinishedAt);
        Assert.Contains("months 1..5 are kept", interrupted.Error);
        Assert.Equal(5, interrupted.MonthsDone);
        var waiting = second.GetRun("waiting")!;
        Assert.Equal(RunStatus.Interrupted, waiting.Status);
        Assert.Contains("before the run started", waiting.Error);
        Assert.Equal(RunStatus.Completed, second.GetRun("done")!.Status);
        Assert.Throws<InvalidOperationException>(() => second.AppendMonth("cut-off", StoreSamples.Month(5)));

        // And after both are closed, a third still reads everything.
        first.Dispose();
        second.Dispose();
        var third = _folder.Open();
        var months = third.Months("cut-off", "Shenzhen");
        Assert.Equal(5, months.Count);
        Assert.Equal(StoreSamples.Figure(4, GbaSim.Model.Ecosystem.City.Shenzhen, "firms"), months[4].Figures["firms"]);
        Assert.Equal(RunStatus.Interrupted, third.GetRun("cut-off")!.Status);
    }
}
