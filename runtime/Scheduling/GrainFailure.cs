using GbaSim.Runtime.Identity;

namespace GbaSim.Runtime.Scheduling;

/// <summary>What went wrong in a partition during a step: the grain (if one was running) and the exception.</summary>
internal sealed record GrainFailure(GrainId Grain, long Step, Exception Exception);
