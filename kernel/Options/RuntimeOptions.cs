namespace GbaSim.Kernel.Options;

/// <summary>How a run is spread over the machine. Neither setting changes a run's results.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Threads that execute partitions; 0 means one per core.</summary>
    public int Threads { get; set; }

    /// <summary>Partitions the grains are hashed into; more partitions than threads balances load.</summary>
    public int Partitions { get; set; } = 16;

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    public void Validate()
    {
        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 0 (one per core) or positive.");
        }
        if (Partitions < 1 || Partitions > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(Partitions), Partitions, "Partitions must be between 1 and 4096.");
        }
    }
}
