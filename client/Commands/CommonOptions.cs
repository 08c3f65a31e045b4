using System.CommandLine;

namespace GbaSim.Client.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Silo() => new("--silo") { Description = "The silo's Orleans gateway, HOST:GATEWAYPORT (default: GBASIM_SILO, else localhost:30000, else a silo started in this process)." };

    /// <summary>
    /// The folder a scenario's <c>extends</c> and <c>world</c> may read from. Without it that is the
    /// scenario library the file sits in (the nearest folder above it holding <c>worlds</c>), or the
    /// file's own folder; a scenario naming a file outside is refused, so that running someone
    /// else's scenario cannot read, say, ~/.ssh.
    /// </summary>
    public static Option<string?> ScenarioRoot() => new("--scenario-root") { Description = "Treat this folder as the scenario library: extends: and world: may read files anywhere in it, and the file is sent to the silo as its file (default: the library the file sits in, the nearest folder above it holding worlds/, else the file's folder)." };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of tables." };

    /// <summary>An option's value for a validator; null when it was not given or did not parse (the parser reports that itself, in plain words via <see cref="ArgumentErrors"/>).</summary>
    public static T? Parsed<T>(System.CommandLine.Parsing.CommandResult result, Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(option) is not { } given)
        {
            return default;
        }
        try
        {
            return given.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    public static Argument<string> RunId() => new("run") { Description = "The run's id, as printed by 'gbasim run' or 'gbasim runs'." };
}
