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

    /// <summary>
    /// The garbage collector's side of the memory figure: its heap and committed memory after the
    /// last collection, how many collections of each generation ran, and the settings that shape them.
    /// </summary>
    public static object Collector()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var settings = GC.GetConfigurationVariables();
        return new
        {
            heapMb = Megabytes(info.HeapSizeBytes),
            fragmentedMb = Megabytes(info.FragmentedBytes),
            committedMb = Megabytes(info.TotalCommittedBytes),
            // Generations 0, 1, 2, then the large- and pinned-object heaps: size and free space after the last collection.
            generationsMb = info.GenerationInfo.ToArray().Select(g => new[] { Megabytes(g.SizeAfterBytes), Megabytes(g.FragmentationAfterBytes) }),
            collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            gen0MaxBudgetMb = Megabytes(Convert.ToInt64(settings.GetValueOrDefault("GCGen0MaxBudget") ?? 0L, CultureInfo.InvariantCulture)),
            conserveMemory = settings.GetValueOrDefault("GCConserveMem"),
        };
    }

    private static double Megabytes(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);

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
