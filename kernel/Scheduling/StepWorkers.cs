namespace GbaSim.Kernel.Scheduling;

/// <summary>
/// A fixed crew of threads that runs one superstep at a time: every thread takes partitions
/// off a shared counter until none are left, then all meet at a barrier. Dedicated threads and
/// a reusable barrier keep the step loop free of allocation and of thread-pool starvation.
/// </summary>
internal sealed class StepWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _start;
    private readonly Barrier _finish;
    private Action<int>? _work;
    private int _items;
    private int _next;
    private volatile bool _stopping;

    public StepWorkers(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _start = new Barrier(threads);
        _finish = new Barrier(threads);
        _threads = new Thread[threads - 1];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Loop) { IsBackground = true, Name = $"gbasim-step-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> once for every index below <paramref name="items"/>, spread over the crew.</summary>
    public void Run(int items, Action<int> work)
    {
        _work = work;
        _items = items;
        _next = 0;
        if (_threads.Length == 0)
        {
            Drain();
            return;
        }
        _start.SignalAndWait();
        Drain();
        _finish.SignalAndWait();
    }

    public void Dispose()
    {
        if (_threads.Length > 0 && !_stopping)
        {
            _stopping = true;
            _start.SignalAndWait();
            foreach (var thread in _threads)
            {
                thread.Join();
            }
        }
        _start.Dispose();
        _finish.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }
            Drain();
            _finish.SignalAndWait();
        }
    }

    private void Drain()
    {
        var work = _work!;
        while (true)
        {
            var item = Interlocked.Increment(ref _next) - 1;
            if (item >= _items)
            {
                return;
            }
            work(item);
        }
    }
}
