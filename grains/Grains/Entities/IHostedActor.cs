using GbaSim.Grains.Sharding;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Entities;

/// <summary>An actor hosted by a grain of its own: it takes one turn at a time and reports, whatever its model.</summary>
public interface IHostedActor
{
    ActorTurnResult Turn(long step, EnvelopeBatch inbox);

    ActorReport? Report();

    StateDigest Digest();

    string Inspect(long step);
}
