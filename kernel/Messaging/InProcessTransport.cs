namespace GbaSim.Kernel.Messaging;

/// <summary>The transport of a single process that hosts every partition: nothing crosses it.</summary>
public sealed class InProcessTransport<TMessage> : IPartitionTransport<TMessage>
    where TMessage : unmanaged
{
    public bool IsLocal(int partition) => true;

    public void Exchange(long step, IReadOnlyList<EnvelopeBuffer<TMessage>> outbound, IReadOnlyList<EnvelopeBuffer<TMessage>> inbound)
    {
    }
}
