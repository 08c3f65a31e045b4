using GbaSim.Grains.Sharding;
using GbaSim.Grains.Storage;

namespace GbaSim.Grains.Runs;

/// <summary>
/// A fork group as its baseline run sees it: the variants that branch from the baseline at
/// <see cref="ForkStep"/>, the reports of the shared past (the branches replay them as their own
/// months), and the branch the baseline is waiting for.
/// </summary>
internal sealed class ForkGroup(long forkStep, IReadOnlyList<RunPlan> variants)
{
    private readonly List<IReadOnlyList<ActorReport>> _past = [];

    /// <summary>The first step the branches run themselves; the baseline has run the steps before it.</summary>
    public long ForkStep { get; } = forkStep;

    public IReadOnlyList<RunPlan> Variants { get; } = variants;

    public IReadOnlyList<IReadOnlyList<ActorReport>> Past => _past;

    /// <summary>The branch running now and what completes when it ends.</summary>
    public (string RunId, TaskCompletionSource Ended)? Running { get; set; }

    public void Keep(long step, IReadOnlyList<ActorReport> reports)
    {
        if (step < ForkStep)
        {
            _past.Add(reports);
        }
    }

    /// <summary>Whether any variant still wants its branch (none has been cancelled before it began).</summary>
    public bool AnyBranchWanted(IResultsStore store) => Variants.Any(v => store.GetRun(v.RunId)?.Status.IsFinished() == false);
}
