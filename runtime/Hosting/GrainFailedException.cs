using GbaSim.Runtime.Identity;

namespace GbaSim.Runtime.Hosting;

/// <summary>A grain threw during its turn; the run stops at that step.</summary>
public sealed class GrainFailedException : Exception
{
    public GrainFailedException(GrainId grain, string grainName, string grainType, long step, Exception inner)
        : base(grain == GrainId.System
            ? $"The runtime failed delivering messages at step {step}: {inner.Message}"
            : $"Grain {grainName} (type '{grainType}') failed at step {step}: {inner.GetType().Name}: {inner.Message}", inner)
    {
        Grain = grain;
        GrainName = grainName;
        GrainType = grainType;
        Step = step;
    }

    public string GrainName { get; }

    public GrainId Grain { get; }

    public string GrainType { get; }

    public long Step { get; }
}
