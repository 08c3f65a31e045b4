using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.Messaging;
using GbaSim.Kernel.Snapshots;

namespace GbaSim.Kernel.Shards;

/// <summary>A shard's checkpoint: what <see cref="Fork"/> copies, written as bytes and read back.</summary>
public sealed partial class Shard<TMessage>
{
    private const int SnapshotFormat = 1;

    /// <summary>
    /// Writes this shard between steps: every actor (through <paramref name="archive"/>) in slot
    /// order, the run set, the wake-ups, the host's posts and every message sent to this shard in
    /// the last step, so that <see cref="Load"/> gives a shard that steps exactly as this one would.
    /// </summary>
    public void Save(SnapshotWriter writer, IActorArchive<TMessage> archive)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(archive);
        if (Failure is not null)
        {
            throw new InvalidOperationException($"This shard stopped at step {Failure.Step}; there is nothing to keep.");
        }
        writer.Write(SnapshotFormat);
        writer.Write(Index);
        writer.Write(Count);
        writer.Write(NextStep);
        writer.Write(_postSequence);
        writer.Write(ActorCount);
        for (var slot = 0; slot < ActorCount; slot++)
        {
            writer.Write(_ids[slot]);
            archive.Save(_ids[slot], _actors[slot], writer);
        }
        _runnable.Save(writer);
        writer.Write(_wakes is not null);
        _wakes?.Save(writer);
        var parity = (int)((NextStep + 1) & 1);
        writer.WriteSpan(_outboxes[parity][Index].Items);
        for (var source = 0; source < Count; source++)
        {
            writer.WriteSpan(_inbound[parity][source].Span);
        }
        writer.WriteSpan(_posted.Items);
    }

    /// <summary>Makes shard <paramref name="index"/> of <paramref name="count"/> again from what <see cref="Save"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a snapshot of this shard.</exception>
    public static Shard<TMessage> Load(int index, int count, ActorTypeRegistry<TMessage> types, ulong seed, SnapshotReader reader, IActorArchive<TMessage> archive)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(archive);
        var format = reader.Read<int>();
        var (savedIndex, savedCount) = (reader.Read<int>(), reader.Read<int>());
        if (format != SnapshotFormat || savedIndex != index || savedCount != count)
        {
            throw new InvalidDataException($"The snapshot is of shard {savedIndex} of {savedCount} (format {format}), not of shard {index} of {count} (format {SnapshotFormat}).");
        }
        var shard = new Shard<TMessage>(index, count, types, seed)
        {
            NextStep = reader.Read<long>(),
            _postSequence = reader.Read<int>(),
        };
        var actors = reader.Read<int>();
        for (var slot = 0; slot < actors; slot++)
        {
            var id = reader.Read<ActorId>();
            shard.AddSlot(id, archive.Load(id, reader));
        }
        shard._runnable = SlotSet.Load(reader);
        shard._wakes = reader.Read<bool>() ? WakeSchedule.Load(reader) : null;
        var parity = (int)((shard.NextStep + 1) & 1);
        shard._outboxes[parity][index].AddRange(reader.ReadArray<Envelope<TMessage>>());
        for (var source = 0; source < count; source++)
        {
            shard._inbound[parity][source] = reader.ReadArray<Envelope<TMessage>>();
        }
        shard._posted.AddRange(reader.ReadArray<Envelope<TMessage>>());
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("The snapshot goes on after the shard's last part.");
        }
        return shard;
    }
}
