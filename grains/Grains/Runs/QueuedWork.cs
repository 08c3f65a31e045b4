namespace GbaSim.Grains.Runs;

/// <summary>What takes one of the registry's places: a run, or a fork group led by its baseline run.</summary>
/// <param name="ForkAt">For a fork group, the month (YYYY-MM) where the variants branch; null for a single run.</param>
internal sealed record QueuedWork(RunPlan Lead, string? ForkAt, IReadOnlyList<RunPlan> Variants)
{
    public IEnumerable<RunPlan> Runs => Variants.Prepend(Lead);
}
