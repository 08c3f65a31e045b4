using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.State;

/// <summary>
/// The states of a set of actors as hash input, one record per actor in identity order:
/// record i is <c>Bytes[Ends[i - 1]..Ends[i]]</c> and belongs to <c>Actors[i]</c>. Each shard
/// makes one; <see cref="ResultHash"/> merges them into the run's hash.
/// </summary>
public sealed record StateDigest(ActorId[] Actors, int[] Ends, byte[] Bytes)
{
    public static StateDigest Of<TMessage>(IReadOnlyList<(ActorId Id, Actor<TMessage> Actor)> actorsInIdentityOrder)
        where TMessage : unmanaged
    {
        ArgumentNullException.ThrowIfNull(actorsInIdentityOrder);
        var writer = new StateBytesWriter();
        var ids = new ActorId[actorsInIdentityOrder.Count];
        var ends = new int[actorsInIdentityOrder.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, actor) = actorsInIdentityOrder[i];
            if (i > 0 && id <= ids[i - 1])
            {
                throw new ArgumentException("Actors must come in increasing identity order.", nameof(actorsInIdentityOrder));
            }
            ids[i] = id;
            writer.WriteActor(id);
            actor.WriteState(writer);
            ends[i] = writer.Length;
        }
        return new StateDigest(ids, ends, writer.ToArray());
    }

    public ReadOnlySpan<byte> Record(int index) => Bytes.AsSpan(index == 0 ? 0 : Ends[index - 1], Ends[index] - (index == 0 ? 0 : Ends[index - 1]));
}
