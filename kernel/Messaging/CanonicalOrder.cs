using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Messaging;

/// <summary>
/// Orders an inbox by sender identity, then by the sender's sequence number, so that what a
/// actor reads never depends on which thread or shard delivered a message first.
/// </summary>
internal readonly struct CanonicalOrder<TMessage> : IComparer<Envelope<TMessage>>
    where TMessage : unmanaged
{
    public int Compare(Envelope<TMessage> x, Envelope<TMessage> y)
    {
        var bySender = x.Sender.CompareTo(y.Sender);
        return bySender != 0 ? bySender : x.Sequence.CompareTo(y.Sequence);
    }

    public static void Sort(Span<Envelope<TMessage>> inbox)
    {
        if (inbox.Length <= 16)
        {
            InsertionSort(inbox);
            return;
        }
        inbox.Sort(default(CanonicalOrder<TMessage>));
    }

    private static void InsertionSort(Span<Envelope<TMessage>> items)
    {
        var order = default(CanonicalOrder<TMessage>);
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && order.Compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }
}
