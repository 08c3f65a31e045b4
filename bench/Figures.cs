using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GbaSim.Bench;

/// <summary>How every benchmark reports: one JSON line of figures.</summary>
public static class Figures
{
    public static void Print(object figures) => Console.WriteLine(JsonSerializer.Serialize(figures));

    public static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Round(process.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }

    /// <summary>The machine's one-minute load average (null where the system does not say), printed with each figure because a shared machine's figures depend on it.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
