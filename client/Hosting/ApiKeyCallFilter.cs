using GbaSim.Contracts;

namespace GbaSim.Client.Hosting;

/// <summary>
/// An Orleans outgoing grain call filter that puts the silo's API key (from
/// <see cref="GatewayKey.EnvironmentVariable"/>) in the <c>RequestContext</c> of every call, where
/// a silo with a key looks for it.
/// </summary>
public sealed class ApiKeyCallFilter(string key) : IOutgoingGrainCallFilter
{
    /// <summary>The key to present, or null when <c>GBASIM_API_KEY</c> is not set.</summary>
    public static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(GatewayKey.EnvironmentVariable) is { Length: > 0 } key ? key.Trim() : null;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequestContext.Set(GatewayKey.RequestContextKey, key);
        return context.Invoke();
    }
}
