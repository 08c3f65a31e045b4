using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Telemetry;

/// <summary>
/// An OTLP receiver and one real silo process that exports to it (OTLP/HTTP, short export
/// intervals) with a small in-process span buffer, shared by the telemetry tests of a class.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    /// <summary>The silo's span buffer: smaller than one small run's 334 run, step and shard-step spans, so the bound shows.</summary>
    public const int SpanBuffer = 200;

    private readonly TempData _data = new();

    public OtlpReceiver Receiver { get; private set; } = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public string DataFolder => _data.Path;

    public async Task InitializeAsync()
    {
        Receiver = await OtlpReceiver.StartAsync();
        Silo = await SiloProcess.StartAsync(_data.Path, Receiver.Environment(), "--Silo:SpanBuffer", SpanBuffer.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Receiver.DisposeAsync();
        _data.Dispose();
    }
}
