using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Kernel;

/// <summary>Scripts in which every kind of kernel state is in play: random draws, mail to random peers, creations, sleeps and halts.</summary>
public static class Gossip
{
    /// <summary>Random gossip among 200 actors with creations and sleeps.</summary>
    public static void Sleepy(ScriptedActor actor, ActorContext<Probe> context) => Talk(actor, context, creation: 0.01, sleep: 0.2, halt: 0, longestSleep: 4);

    /// <summary>Random gossip among 200 actors with more creations, sleeps and halts, so that every kind of pending state is there at a fork.</summary>
    public static void Moody(ScriptedActor actor, ActorContext<Probe> context) => Talk(actor, context, creation: 0.02, sleep: 0.2, halt: 0.1, longestSleep: 6);

    private static void Talk(ScriptedActor actor, ActorContext<Probe> context, double creation, double sleep, double halt, int longestSleep)
    {
        ref var random = ref context.Random;
        foreach (var envelope in context.Inbox)
        {
            // Order-sensitive on purpose: any change in inbox order changes the total.
            actor.Total = (actor.Total * 31) + envelope.Message.Value;
        }
        var fanOut = random.NextInt(3);
        for (var i = 0; i < fanOut; i++)
        {
            context.Send(new ActorId(context.Id.Type, random.NextInt(200)), new Probe(random.NextInt(1000), context.Step));
        }
        if (random.Chance(creation))
        {
            context.Create(new ActorId(context.Id.Type, 1000 + random.NextInt(100)), new Probe(1, context.Step));
        }
        var mood = random.NextDouble();
        if (mood < sleep)
        {
            context.SleepUntil(context.Step + 1 + random.NextInt(longestSleep));
        }
        else if (mood < sleep + halt)
        {
            context.Halt();
        }
    }
}
