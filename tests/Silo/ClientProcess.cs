using System.Diagnostics;

namespace GbaSim.Tests.Silo;

/// <summary>The real <c>gbasim</c> client, run as a process: its exit code and what it printed.</summary>
public static class ClientProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static Task<Outcome> RunAsync(string dataFolder, params string[] arguments) => RunAsync(dataFolder, null, arguments);

    /// <param name="environment">Variables to set for the client, e.g. OTEL_EXPORTER_OTLP_ENDPOINT.</param>
    public static async Task<Outcome> RunAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Scenarios.Repository.Root,
        };
        start.ArgumentList.Add(SiloProcess.BuiltAssembly("client", "gbasim.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GBASIM_DATA"] = dataFolder;
        start.Environment.Remove("GBASIM_SILO");
        start.Environment.Remove("GBASIM_CLUSTER");
        start.Environment.Remove("GBASIM_CLUSTER_ID");
        start.Environment.Remove(GbaSim.Contracts.GatewayKey.EnvironmentVariable);
        SiloProcess.SetEnvironment(start, environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A client that hangs (on a pipe, say) must not outlive the test that started it.
            process.Kill(entireProcessTree: true);
            // What it printed last says where it was stuck (following a run, re-watching after a lost silo).
            var printed = await errors;
            throw new TimeoutException($"gbasim {string.Join(' ', arguments)} did not end within 3 minutes; it printed last: {printed[Math.Max(0, printed.Length - 2000)..]}");
        }
        return new Outcome(process.ExitCode, await output, await errors);
    }
}
