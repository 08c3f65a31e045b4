using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Hosting;

/// <summary>A grain threw during its turn; the run stops at that step.</summary>
public sealed class ActorFailedException : Exception
{
    public ActorFailedException(ActorId grain, string grainName, string grainType, long step, Exception inner)
        : base(grain == ActorId.System
            ? $"The runtime failed delivering messages at step {step}: {inner.Message}"
            : $"Grain {grainName} (type '{grainType}') failed at step {step}: {inner.GetType().Name}: {inner.Message}", inner)
    {
        Grain = grain;
        GrainName = grainName;
        ActorType = grainType;
        Step = step;
    }

    public string GrainName { get; }

    public ActorId Grain { get; }

    public string ActorType { get; }

    public long Step { get; }
}
