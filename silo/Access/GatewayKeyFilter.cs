using GbaSim.Contracts;
using GbaSim.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace GbaSim.Silo.Access;

/// <summary>
/// An Orleans incoming grain call filter that admits a call from an external client (one connected
/// through the gateway, such as <c>gbasim</c>) only when it carries the silo's API key in its
/// <c>RequestContext</c> (<see cref="GatewayKey.RequestContextKey"/>). Calls from grains, system
/// targets and the silo's own hosted client (which the HTTP API uses, behind its own check) pass.
/// Registered only when the silo has a key.
/// </summary>
public sealed partial class GatewayKeyFilter(IOptions<SiloOptions> options, ILogger<GatewayKeyFilter> logger) : IIncomingGrainCallFilter
{
    /// <summary>Orleans names the client inside each silo <c>sys.client/hosted-{silo}</c>.</summary>
    private const string HostedClientPrefix = "hosted-";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SourceId is { } source && IsExternalClient(source) && !context.TargetId.IsSystemTarget())
        {
            var presented = RequestContext.Get(GatewayKey.RequestContextKey) as string;
            if (!ApiKeys.Matches(presented, options.Value.ApiKey))
            {
                LogRefused(logger, context.InterfaceName, context.MethodName, source.ToString(), presented is null ? "no key" : "another key");
                return Task.FromException(new RequestRejectedException(RejectionKind.Unauthorized, presented is null
                    ? $"This silo needs its API key: set {GatewayKey.EnvironmentVariable} to the key the silo was started with."
                    : $"The API key in {GatewayKey.EnvironmentVariable} is not this silo's."));
            }
        }
        return context.Invoke();
    }

    private static bool IsExternalClient(GrainId source) =>
        source.IsClient() && !source.Key.ToString().StartsWith(HostedClientPrefix, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Interface}.{Method} from client {Client}: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string @interface, string method, string client, string reason);
}
