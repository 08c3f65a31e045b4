using GbaSim.Model.Ecosystem;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.State;

namespace GbaSim.Engine.Runs;

/// <summary>Wraps a grain so that its turn throws in one step and behaves normally otherwise.</summary>
public sealed class FaultingActor(Actor<EcosystemMessage> inner, long failAtStep) : Actor<EcosystemMessage>
{
    public Actor<EcosystemMessage> Inner { get; } = inner;

    /// <summary>The same fault around another grain, such as the inner grain's copy in a forked run.</summary>
    public FaultingActor Around(Actor<EcosystemMessage> copy) => new(copy, failAtStep);

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        if (context.Step == failAtStep)
        {
            throw new InvalidOperationException("injected fault (Silo:FaultGrain) to rehearse a failing run");
        }
        Inner.OnStep(context);
    }

    public override void WriteState(IStateWriter writer) => Inner.WriteState(writer);
}
