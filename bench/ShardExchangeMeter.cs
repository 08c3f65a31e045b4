using System.Diagnostics.Metrics;
using GbaSim.Grains.Telemetry;

namespace GbaSim.Bench;

/// <summary>
/// Listens to the shards' exchange counter and totals envelopes by shard pair, to tell how many
/// would cross silos in a cluster of N silos, where shard placement puts shard k on silo k mod N.
/// </summary>
public sealed class ShardExchangeMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(int Source, int Destination), long> _pairs = [];

    public ShardExchangeMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Names, not the instrument itself: this runs while RunTelemetry's fields are still being initialized.
            if (instrument.Meter.Name == RunTelemetry.Name && instrument.Name == RunTelemetry.ExchangedName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            int source = -1, destination = -1;
            foreach (var tag in tags)
            {
                source = tag.Key == RunTelemetry.Tags.SourceShard ? (int)tag.Value! : source;
                destination = tag.Key == RunTelemetry.Tags.DestinationShard ? (int)tag.Value! : destination;
            }
            lock (_pairs)
            {
                _pairs[(source, destination)] = _pairs.GetValueOrDefault((source, destination)) + value;
            }
        });
        _listener.Start();
    }

    /// <summary>Envelopes handed between shards so far.</summary>
    public long Total
    {
        get
        {
            lock (_pairs)
            {
                return _pairs.Values.Sum();
            }
        }
    }

    /// <summary>Of those, the envelopes whose shards would sit on different silos of a cluster of <paramref name="silos"/>.</summary>
    public long CrossingSilos(int silos)
    {
        lock (_pairs)
        {
            return _pairs.Where(p => p.Key.Source % silos != p.Key.Destination % silos).Sum(p => p.Value);
        }
    }

    public void Reset()
    {
        lock (_pairs)
        {
            _pairs.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();
}
