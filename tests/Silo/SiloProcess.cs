using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Silo;

/// <summary>The real silo, started as its own process on free loopback ports (HTTP, Orleans gateway and silo-to-silo), with a data folder of its own.</summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri address, int gatewayPort, string printedGateway, string dataFolder)
    {
        _process = process;
        Address = address;
        Gateway = $"127.0.0.1:{gatewayPort}";
        PrintedGateway = printedGateway;
        DataFolder = dataFolder;
    }

    /// <summary>The HTTP API and dashboard.</summary>
    public Uri Address { get; }

    /// <summary>The Orleans gateway, as <c>gbasim --silo</c> takes it.</summary>
    public string Gateway { get; }

    /// <summary>The gateway as the silo printed it: <c>localhost:PORT</c>, or the address it advertises when bound beyond loopback.</summary>
    public string PrintedGateway { get; }

    public int ProcessId => _process.Id;

    public string DataFolder { get; }

    /// <summary>
    /// Longest a silo may take to print its address. Generous, since it waits only when a start is
    /// slow: with the whole suite running on two cores, a silo joining a cluster took over a minute.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string BuiltAssembly(string project, string assembly) => Path.Combine(Repository.Root, project, "bin", Configuration, "net10.0", assembly);

    public static Task<SiloProcess> StartAsync(string dataFolder, params string[] arguments) => StartAsync(dataFolder, null, arguments);

    /// <param name="environment">Variables to set for the silo, e.g. OTEL_EXPORTER_OTLP_ENDPOINT; the test runner's own OTEL_* variables are never passed on.</param>
    public static async Task<SiloProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var gatewayPort = FreePort();
        var process = Process.Start(StartInfo(dataFolder, gatewayPort, environment, arguments, logged: SiloLog.Folder is not null))!;
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = SiloLog.For(process.Id);
        process.OutputDataReceived += (_, line) =>
        {
            log?.Write(line.Data);
            if (line.Data is not null && Listening().Match(line.Data) is { Success: true } match)
            {
                found.TrySetResult(match);
            }
        };
        process.ErrorDataReceived += (_, line) => log?.Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var winner = await Task.WhenAny(found.Task, Task.Delay(StartTimeout), process.WaitForExitAsync());
        if (winner != found.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The silo did not print its address within {StartTimeout.TotalSeconds:0} seconds.");
        }
        var printed = await found.Task;
        return new SiloProcess(process, new Uri(printed.Groups[1].Value), gatewayPort, printed.Groups[2].Value, dataFolder);
    }

    /// <summary>Starts the silo process and waits for it to end by itself, as it does when it refuses to start: its exit code and what it printed.</summary>
    public static async Task<ClientProcess.Outcome> RunToExitAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(dataFolder, FreePort(), environment, arguments, logged: false))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The silo did not end by itself within 60 seconds; it printed: {await output}");
        }
        return new ClientProcess.Outcome(process.ExitCode, await output, await errors);
    }

    /// <param name="logged">Whether the silo's output is kept (<see cref="SiloLog"/>): it then also logs its runs' recovery stages.</param>
    private static ProcessStartInfo StartInfo(string dataFolder, int gatewayPort, IReadOnlyDictionary<string, string>? environment, string[] arguments, bool logged)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var ports = new[] { "--port", "0", "--gateway-port", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silo-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var argument in new[] { BuiltAssembly("silo", "gbasim-silo.dll"), "--data", dataFolder, "--scenarios", Repository.PathOf("scenarios") }.Concat(ports).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (logged)
        {
            start.Environment["Logging__LogLevel__GbaSim"] = "Information";
        }
        start.Environment.Remove("GBASIM_Silo__ApiKey");
        SetEnvironment(start, environment);
        return start;
    }

    /// <summary>Removes the runner's OTEL_* variables (so no test exports by accident), then sets <paramref name="environment"/>.</summary>
    public static void SetEnvironment(ProcessStartInfo start, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
    }

    /// <summary>Whether the process has ended (a silo that should have stayed up has not).</summary>
    public bool HasExited => _process.HasExited;

    public static Task<ClientProcess.Outcome> RunToExitAsync(string dataFolder, params string[] arguments) => RunToExitAsync(dataFolder, null, arguments);

    public HttpClient Http() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Ends the process at once, as a crash or a power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nothing listens on now (Orleans needs its ports named, not picked).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"listening on (http://\S+?)/? \(gateway: ([^;,]+)")]
    private static partial Regex Listening();
}
