using GbaSim.Kernel.Snapshots;
using GbaSim.Model.World;

namespace GbaSim.Engine.Runs;

/// <summary>
/// What a run has put together from its steps so far: the month observer and the summary. A
/// checkpoint keeps it beside the shards' states, so a run restarted there goes on as if it never stopped.
/// </summary>
public sealed class RunProgress(WorldModel world, YearMonth start, double scale)
{
    public MonthObserver Observer { get; private set; } = new(world, start);

    public SummaryBuilder Summary { get; private set; } = new(scale);

    public byte[] Save()
    {
        var writer = new SnapshotWriter();
        Observer.Save(writer);
        Summary.Save(writer);
        return writer.ToArray();
    }

    /// <summary>Goes back to what <see cref="Save"/> kept, or to the start of the run for none.</summary>
    public void Restore(byte[]? saved)
    {
        Observer = new MonthObserver(world, start);
        Summary = new SummaryBuilder(scale);
        if (saved is { Length: > 0 })
        {
            var reader = new SnapshotReader(saved);
            Observer.Restore(reader);
            Summary.Restore(reader);
        }
    }
}
