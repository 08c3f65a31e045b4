using System.CommandLine;
using GbaSim.Client.Connection;

namespace GbaSim.Client.Commands;

/// <summary>The options that say which silo a command talks to: <c>--silo</c>, <c>--cluster</c>, <c>--cluster-id</c>.</summary>
public sealed class SiloTargetOptions
{
    public Option<string?> Silo { get; } = CommonOptions.Silo();

    public Option<string?> Cluster { get; } = CommonOptions.Cluster();

    public Option<string?> ClusterId { get; } = CommonOptions.ClusterId();

    public SiloTarget Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new SiloTarget(parse.GetValue(Silo), parse.GetValue(Cluster), parse.GetValue(ClusterId));
    }
}
