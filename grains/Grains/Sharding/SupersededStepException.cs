namespace GbaSim.Grains.Sharding;

/// <summary>
/// A shard refused a step because a newer attempt at the run restored it from a checkpoint: the
/// driver that sent the step is no longer the run's owner.
/// </summary>
[GenerateSerializer, Alias("gbasim.SupersededStepException")]
public sealed class SupersededStepException : Exception
{
    public SupersededStepException()
    {
    }

    public SupersededStepException(string message)
        : base(message)
    {
    }

    public SupersededStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
