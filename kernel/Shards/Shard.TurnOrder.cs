using System.Numerics;
using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Shards;

/// <summary>
/// The order turns run in: identity order, whatever order actors took their slots in. Each
/// outbox then holds its senders in identity order, so the mail one shard sends any actor is a
/// single presorted run and an inbox merges a few runs instead of sorting thousands (actors
/// founded during a run take slots at the end, with identities anywhere).
/// </summary>
public sealed partial class Shard<TMessage>
{
    /// <summary>Whether every slot was taken by an identity above the one before, so slot order is identity order.</summary>
    private bool _slotsInIdentityOrder = true;

    /// <summary>Once slots are out of identity order: the first <see cref="_ordered"/> slots, in identity order.</summary>
    private int[] _order = [];
    private int _ordered;

    private void NoteSlotTaken(int slot, ActorId id)
    {
        if (slot > 0 && _slotsInIdentityOrder && _ids[slot - 1] >= id)
        {
            _slotsInIdentityOrder = false;
        }
    }

    /// <summary>Takes the due slots out of the run set into <see cref="_turnSlots"/>, in identity order; returns how many.</summary>
    private int TakeDueSlots()
    {
        var count = 0;
        if (_slotsInIdentityOrder)
        {
            for (var word = 0; word < _runnable.WordCount; word++)
            {
                var bits = _runnable.TakeWord(word);
                while (bits != 0)
                {
                    AppendTurnSlot(ref count, (word << 6) + BitOperations.TrailingZeroCount(bits));
                    bits &= bits - 1;
                }
            }
            return count;
        }
        OrderNewSlots();
        foreach (var slot in _order.AsSpan(0, ActorCount))
        {
            if (_runnable.Contains(slot))
            {
                AppendTurnSlot(ref count, slot);
            }
        }
        _runnable.Clear();
        return count;
    }

    private void AppendTurnSlot(ref int count, int slot)
    {
        if (count == _turnSlots.Length)
        {
            Array.Resize(ref _turnSlots, count * 2);
        }
        _turnSlots[count++] = slot;
    }

    /// <summary>Merges the slots taken since the last step into the identity order (a few a step, so this is one linear pass).</summary>
    private void OrderNewSlots()
    {
        if (_ordered == ActorCount)
        {
            return;
        }
        var added = ActorCount - _ordered;
        var newIds = _ids.AsSpan(_ordered, added).ToArray();
        var newSlots = new int[added];
        for (var i = 0; i < added; i++)
        {
            newSlots[i] = _ordered + i;
        }
        Array.Sort(newIds, newSlots);
        var merged = new int[Math.Max(ActorCount, _order.Length)];
        int a = 0, b = 0, k = 0;
        while (a < _ordered && b < added)
        {
            merged[k++] = _ids[_order[a]] < newIds[b] ? _order[a++] : newSlots[b++];
        }
        while (a < _ordered)
        {
            merged[k++] = _order[a++];
        }
        while (b < added)
        {
            merged[k++] = newSlots[b++];
        }
        _order = merged;
        _ordered = ActorCount;
    }
}
