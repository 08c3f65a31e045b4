using StackExchange.Redis;

namespace GbaSim.Silo.Hosting;

/// <summary>Asks the cluster's Redis for a PING before Orleans starts, so that a wrong address or a stopped server is one clear line instead of Orleans's retries and stack traces.</summary>
public static class RedisProbe
{
    /// <summary>How long a silo or client waits for Redis to answer. Two seconds: a local or LAN Redis answers in milliseconds.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <exception cref="ClusterUnreachableException">Nothing answered, or it refused the password.</exception>
    public static async Task EnsureReachableAsync(RedisAddress redis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var options = redis.Configuration();
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        options.ConnectRetry = 0;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(Timeout * 2, cancellationToken);
            await connection.GetDatabase(redis.Database).PingAsync().WaitAsync(Timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new ClusterUnreachableException(redis, Reason(ex));
        }
    }

    private static string Reason(Exception ex) =>
        ex.Message.Contains("AUTH", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("NOAUTH", StringComparison.Ordinal) || ex.Message.Contains("WRONGPASS", StringComparison.Ordinal)
            ? "it refused the user or password in the URL"
            : ex is TimeoutException ? $"no answer within {Timeout.TotalSeconds:0} s" : "nothing accepted the connection";
}
