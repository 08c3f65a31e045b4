namespace GbaSim.Kernel.Messaging;

/// <summary>
/// The seam between partitions that live in this process and partitions that live elsewhere.
/// After every step the runtime hands the batches addressed to remote partitions to the
/// transport and asks it for the batches that remote partitions addressed to local ones.
/// </summary>
public interface IPartitionTransport<TMessage>
    where TMessage : unmanaged
{
    /// <summary>Whether this process executes <paramref name="partition"/>.</summary>
    bool IsLocal(int partition);

    /// <summary>
    /// Sends the batches this process produced in <paramref name="step"/> for remote partitions
    /// (indexed by destination partition; local destinations are empty) and fills
    /// <paramref name="inbound"/> (indexed by local partition) with what remote partitions sent.
    /// Returns only when every remote batch for <paramref name="step"/> has arrived, which makes
    /// the exchange the superstep barrier between processes.
    /// </summary>
    void Exchange(long step, IReadOnlyList<EnvelopeBuffer<TMessage>> outbound, IReadOnlyList<EnvelopeBuffer<TMessage>> inbound);
}
