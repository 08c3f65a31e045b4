using System.CommandLine;

namespace GbaSim.Client.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Silo() => new("--silo") { Description = "The silo's Orleans gateway, HOST:GATEWAYPORT (default: GBASIM_SILO, else localhost:30000, else a silo started in this process)." };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of tables." };

    public static Argument<string> RunId() => new("run") { Description = "The run's id, as printed by 'gbasim run' or 'gbasim runs'." };
}
