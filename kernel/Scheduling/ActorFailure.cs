using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Scheduling;

/// <summary>What went wrong in a partition during a step: the grain (if one was running) and the exception.</summary>
internal sealed record ActorFailure(ActorId Grain, long Step, Exception Exception);
