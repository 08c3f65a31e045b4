using Orleans.Runtime.Messaging;

namespace GbaSim.Client.Hosting;

/// <summary>
/// An Orleans outgoing grain call filter for cluster clients: a call that could not even connect to
/// the gateway it was sent through (a silo killed, not yet declared dead, still listed in Redis) is
/// sent again, and Orleans, having marked that gateway dead, sends it through another. Only such
/// calls are repeated: they never left this process, so no command runs twice.
/// </summary>
public sealed class UndeliveredCallRetry : IOutgoingGrainCallFilter
{
    /// <summary>
    /// How long one call keeps being sent again: past the client's next read of the gateway list
    /// (<see cref="GatewayClient.ClusterGatewayRefresh"/>), after which Orleans no longer picks the dead gateway.
    /// </summary>
    public static readonly TimeSpan Window = GatewayClient.ClusterGatewayRefresh * 2;

    /// <summary>The pause before sending again.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var lastChance = System.Diagnostics.Stopwatch.GetElapsedTime(started) >= Window;
            Exception? failure;
            try
            {
                await context.Invoke();
                failure = context.Response?.Exception;
            }
            catch (Exception ex) when (!lastChance && NeverDelivered(ex))
            {
                failure = ex;
            }
            if (failure is null || lastChance || !NeverDelivered(failure))
            {
                return;
            }
            await Task.Delay(Pause);
        }
    }

    /// <summary>Whether the call failed before reaching any gateway: the connection itself was refused.</summary>
    private static bool NeverDelivered(Exception failure) => failure switch
    {
        ConnectionFailedException => true,
        // Orleans rejects a message it could not send with the connection failure as text only.
        OrleansMessageRejectionException rejection => rejection.Message.Contains(nameof(ConnectionFailedException), StringComparison.Ordinal),
        { InnerException: { } inner } => NeverDelivered(inner),
        _ => false,
    };
}
