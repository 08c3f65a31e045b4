namespace GbaSim.Engine.Telemetry;

/// <summary>
/// Which technologies get a chain trace: one in <see cref="SampleEvery"/>, chosen by a hash of
/// the technology's id, so the same technologies are traced in every replication and at every
/// thread count. Zero traces none.
/// </summary>
public sealed record ChainTraceOptions(int SampleEvery)
{
    /// <summary>Runs on a sample below this scale trace every technology.</summary>
    public const double SmallScale = 0.1;

    /// <summary>One technology in this many is traced in larger runs.</summary>
    public const int DefaultSampleEvery = 20;

    public static ChainTraceOptions Every { get; } = new(1);

    public static ChainTraceOptions None { get; } = new(0);

    /// <summary>Every technology for small runs (scale below 0.1), one in 20 otherwise.</summary>
    public static ChainTraceOptions ForScale(double scale) => scale < SmallScale ? Every : new ChainTraceOptions(DefaultSampleEvery);

    public bool Enabled => SampleEvery > 0;
}
