namespace GbaSim.Client.Connection;

/// <summary>
/// Sends a call again when it could not even reach its gateway (the gateway's silo died and the
/// cluster has not yet declared it dead): such a call was never delivered, so sending it through
/// another gateway is safe, and Orleans picks another once the first has failed to connect.
/// </summary>
public sealed class GatewayFailover : IOutgoingGrainCallFilter
{
    private const int Attempts = 4;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception ex) when (attempt < Attempts && NeverDelivered(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    /// <summary>Whether the failure is a connection to the gateway that could not be made.</summary>
    private static bool NeverDelivered(Exception failure) => failure switch
    {
        { } other when other.GetType().Name == "ConnectionFailedException" => true,
        { } other when other.Message.Contains("ConnectionFailedException", StringComparison.Ordinal) && other.Message.Contains("Unable to connect", StringComparison.Ordinal) => true,
        { InnerException: { } inner } => NeverDelivered(inner),
        _ => false,
    };
}
