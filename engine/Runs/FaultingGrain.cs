using GbaSim.Grains.Contracts;
using GbaSim.Runtime.Activation;
using GbaSim.Runtime.State;

namespace GbaSim.Engine.Runs;

/// <summary>Wraps a grain so that its turn throws in one step and behaves normally otherwise.</summary>
public sealed class FaultingGrain(Grain<EcosystemMessage> inner, long failAtStep) : Grain<EcosystemMessage>
{
    public Grain<EcosystemMessage> Inner { get; } = inner;

    /// <summary>The same fault around another grain, such as the inner grain's copy in a forked run.</summary>
    public FaultingGrain Around(Grain<EcosystemMessage> copy) => new(copy, failAtStep);

    public override void OnStep(GrainContext<EcosystemMessage> context)
    {
        if (context.Step == failAtStep)
        {
            throw new InvalidOperationException("injected fault (Silo:FaultGrain) to rehearse a failing run");
        }
        Inner.OnStep(context);
    }

    public override void WriteState(IStateWriter writer) => Inner.WriteState(writer);
}
