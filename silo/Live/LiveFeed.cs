using System.Threading.Channels;
using GbaSim.Silo.Api;

namespace GbaSim.Silo.Live;

/// <summary>
/// The months of one run as they finish, for anyone watching: a late subscriber first gets
/// every month so far, then each new one. Each subscriber has a bounded buffer; one that falls
/// too far behind loses its oldest events rather than slowing the run down.
/// </summary>
public sealed class LiveFeed
{
    private readonly Lock _gate = new();
    private readonly List<MonthEvent> _history = [];
    private readonly List<Channel<MonthEvent>> _subscribers = [];
    private bool _closed;

    public void Publish(MonthEvent month)
    {
        lock (_gate)
        {
            _history.Add(month);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(month);
            }
        }
    }

    /// <summary>Ends every subscription: the run has finished.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }
            _subscribers.Clear();
        }
    }

    public ChannelReader<MonthEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<MonthEvent>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            foreach (var month in _history)
            {
                channel.Writer.TryWrite(month);
            }
            if (_closed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }
        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<MonthEvent> reader)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(c => c.Reader == reader);
        }
    }
}
