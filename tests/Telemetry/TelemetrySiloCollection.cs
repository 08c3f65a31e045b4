namespace GbaSim.Tests.Telemetry;

/// <summary>The telemetry test classes that share one silo process exporting to one OTLP receiver.</summary>
[CollectionDefinition(Name)]
public sealed class TelemetrySiloCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "Telemetry silo";
}
