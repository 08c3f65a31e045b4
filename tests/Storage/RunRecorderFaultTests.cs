using System.Reflection;
using GbaSim.Grains.Runs;
using GbaSim.Grains.Storage;

namespace GbaSim.Tests.Storage;

/// <summary>A run whose months wait for room behind a store that then fails learns of the failure, or of its cancellation, instead of waiting forever.</summary>
public sealed class RunRecorderFaultTests
{
    [Fact]
    public async Task A_run_waiting_for_room_gets_the_store_failure_instead_of_waiting_forever()
    {
        using var gate = new SemaphoreSlim(0);
        var recorder = new RunRecorder(GatedStore.Create(gate), "r", 100);
        var months = Task.Run(async () =>
        {
            for (var m = 0; m < 100; m++)
            {
                await recorder.Month(StoreSamples.Month(m));
            }
        });
        await WaitUntilBlocked(months);

        gate.Release();
        var error = await Assert.ThrowsAsync<StoreWriteException>(() => months.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(GatedStore.Failure, error.Message);
        await Assert.ThrowsAsync<StoreWriteException>(recorder.Flush);
    }

    [Fact]
    public async Task A_run_waiting_for_room_stops_waiting_when_cancelled()
    {
        using var gate = new SemaphoreSlim(0);
        using var cancel = new CancellationTokenSource();
        var recorder = new RunRecorder(GatedStore.Create(gate), "r", 100);
        var months = Task.Run(async () =>
        {
            for (var m = 0; m < 100; m++)
            {
                await recorder.Month(StoreSamples.Month(m), cancel.Token);
            }
        });
        await WaitUntilBlocked(months);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => months.WaitAsync(TimeSpan.FromSeconds(10)));
        gate.Release();
    }

    /// <summary>The months fill the writer's queue while the store holds the first one; then they wait.</summary>
    private static async Task WaitUntilBlocked(Task months)
    {
        await Task.Delay(300);
        Assert.False(months.IsCompleted, $"the months should wait for room, but ended: {months.Exception?.Message}");
    }

    /// <summary>A store whose month writes wait for a gate and then fail as on a full disk; nothing else is called.</summary>
    public class GatedStore : DispatchProxy
    {
        public const string Failure = "the results store cannot write (the database or disk is full)";

        private SemaphoreSlim _gate = null!;

        public static IResultsStore Create(SemaphoreSlim gate)
        {
            var store = DispatchProxy.Create<IResultsStore, GatedStore>();
            ((GatedStore)(object)store)._gate = gate;
            return store;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IResultsStore.AppendMonth))
            {
                throw new NotSupportedException(targetMethod?.Name);
            }
            _gate.Wait();
            throw new StoreWriteException(Failure);
        }
    }
}
