using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace GbaSim.Client.Hosting;

/// <summary>The client's hosts log warnings and worse to standard error, so that standard output holds only what a command prints.</summary>
public static class ClientLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // A gateway that does not answer is expected (the embedded default follows) and a lost one
        // surfaces as the failed call; the command says either in one line, without Orleans's stack traces.
        logging.AddFilter("Orleans.Messaging", LogLevel.None);
        logging.AddFilter("Orleans.Runtime.Messaging", LogLevel.None);
        logging.AddFilter("Orleans.OutsideRuntimeClient", LogLevel.None);
        // A killed gateway still listed fails the client's manifest refresh, which Orleans retries through another.
        logging.AddFilter("Orleans.Runtime.ClientClusterManifestProvider", LogLevel.None);
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // Advice for long-running servers (server GC, watchdog stalls while the command's process starts) is not the command user's business.
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
    }
}
