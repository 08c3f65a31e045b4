using System.Diagnostics;
using System.Text;

namespace GbaSim.Tests.Silo;

/// <summary>The real <c>gbasim</c> client as a running process that a test can interrupt as Ctrl-C does (SIGINT) while reading what it prints.</summary>
public sealed class InterruptibleClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private InterruptibleClient(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_errors) { _errors.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Errors { get { lock (_errors) { return _errors.ToString(); } } }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static InterruptibleClient Start(string dataFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Scenarios.Repository.Root };
        start.ArgumentList.Add(SiloProcess.BuiltAssembly("client", "gbasim.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GBASIM_DATA"] = dataFolder;
        start.Environment.Remove("GBASIM_SILO");
        return new InterruptibleClient(Process.Start(start)!);
    }

    /// <summary>Waits until standard error shows <paramref name="text"/>.</summary>
    public async Task WaitForErrorAsync(string text, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!Errors.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited && !Errors.Contains(text, StringComparison.Ordinal))
            {
                Assert.Fail($"gbasim exited ({_process.ExitCode}) before printing '{text}': {Errors}");
            }
            Assert.True(DateTime.UtcNow < deadline, $"gbasim did not print '{text}' within {seconds} s: {Errors}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ctrl-C: SIGINT to the client's process.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> ExitCodeAsync(int seconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
