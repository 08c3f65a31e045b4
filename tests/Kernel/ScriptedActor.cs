using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Tests.Kernel;

/// <summary>An actor whose behaviour each test supplies as a delegate, and which records what it saw.</summary>
public sealed class ScriptedActor(Action<ScriptedActor, ActorContext<Probe>> onStep) : Actor<Probe>
{
    public List<(long Step, ActorId Sender, int Sequence, Probe Message)> Received { get; } = [];

    public List<long> TurnSteps { get; } = [];

    public long Total { get; set; }

    /// <summary>A copy with its own lists, running <paramref name="script"/>, for a fork.</summary>
    public ScriptedActor Copy(Action<ScriptedActor, ActorContext<Probe>> script)
    {
        var copy = new ScriptedActor(script) { Total = Total };
        copy.Received.AddRange(Received);
        copy.TurnSteps.AddRange(TurnSteps);
        return copy;
    }

    public override void OnStep(ActorContext<Probe> context)
    {
        TurnSteps.Add(context.Step);
        foreach (var envelope in context.Inbox)
        {
            Received.Add((context.Step, envelope.Sender, envelope.Sequence, envelope.Message));
        }
        onStep(this, context);
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("total", Total);
        writer.Write("turns", TurnSteps.Count);
        writer.BeginArray("received");
        foreach (var (step, sender, sequence, message) in Received)
        {
            writer.Write("step", step);
            writer.Write("sender", sender.Key);
            writer.Write("sequence", sequence);
            writer.Write("value", message.Value);
        }
        writer.EndArray();
    }
}
