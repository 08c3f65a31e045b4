using System.Diagnostics;
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
}
