using System.Diagnostics;

namespace GbaSim.Client.Telemetry;

/// <summary>
/// The span <c>gbasim {command}</c> (activity source <c>GbaSim.Client</c>) around one command.
/// While it is current, HttpClient's calls to the silo are its children and carry its trace in
/// the W3C <c>traceparent</c> header, so the silo's request spans join the same trace.
/// </summary>
public static class CommandSpan
{
    public const string SourceName = "GbaSim.Client";

    public static readonly ActivitySource Source = new(SourceName, "1.0");

    public static Activity? Start(string command) => Source.StartActivity($"gbasim {command}");

    public static void Finished(Activity? span, int exitCode)
    {
        if (span is null)
        {
            return;
        }
        span.SetTag("process.exit.code", exitCode);
        if (exitCode != 0)
        {
            span.SetStatus(ActivityStatusCode.Error, $"exit code {exitCode}");
        }
    }
}
