namespace GbaSim.Tests.Silo;

/// <summary>
/// Where a silo process's output goes when <c>GBASIM_TEST_SILO_LOGS</c> names a folder: one file a
/// process, each line stamped with the time, so that a cluster test that hangs can be read afterwards.
/// Without the variable silo output is dropped, as a test needs only the address line.
/// </summary>
public sealed class SiloLog
{
    public const string Variable = "GBASIM_TEST_SILO_LOGS";

    private readonly string _path;

    private SiloLog(string path) => _path = path;

    public static string? Folder => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    /// <summary>The log of process <paramref name="processId"/>, or null when logs are not kept.</summary>
    public static SiloLog? For(int processId)
    {
        if (Folder is not { } folder)
        {
            return null;
        }
        Directory.CreateDirectory(folder);
        return new SiloLog(Path.Combine(folder, $"silo-{processId}.log"));
    }

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (this)
        {
            File.AppendAllText(_path, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }
}
