using GbaSim.Contracts;
using Orleans.Runtime;

namespace GbaSim.Grains.Runs;

/// <summary>
/// Tells a failure caused by losing part of a run (a silo gone, a call that could not reach or
/// timed out on it, a shard re-activated elsewhere without its actors) from the model's own
/// failures, which a checkpoint cannot mend because they would happen again.
/// </summary>
public static class LostPart
{
    public static bool Explains(Exception failure) => failure switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        { } other when other.GetType().Name == "ConnectionFailedException" => true,
        RequestRejectedException { Kind: RejectionKind.NotFound } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Explains),
        { InnerException: { } inner } => Explains(inner),
        _ => false,
    };
}
