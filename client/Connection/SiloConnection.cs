using GbaSim.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace GbaSim.Client.Connection;

/// <summary>
/// The silo a command talks to: the one named by <c>--silo</c> or <c>GBASIM_SILO</c> (which must
/// answer), else the one at the default address, else a silo started inside this process so that
/// a fresh clone needs nothing else running.
/// </summary>
public sealed class SiloConnection : IAsyncDisposable
{
    public static readonly Uri DefaultAddress = new("http://localhost:5080/");

    private readonly WebApplication? _embedded;

    private SiloConnection(SiloClient client, WebApplication? embedded)
    {
        Client = client;
        _embedded = embedded;
    }

    public SiloClient Client { get; }

    public bool Embedded => _embedded is not null;

    /// <param name="silo">The address given with --silo, if any.</param>
    /// <param name="library">For an embedded silo: the scenario library to serve (the folder the scenario file lives in).</param>
    public static async Task<SiloConnection> OpenAsync(string? silo, string? library, CancellationToken cancellationToken)
    {
        var named = silo ?? Environment.GetEnvironmentVariable("GBASIM_SILO");
        if (!string.IsNullOrWhiteSpace(named))
        {
            if (!Uri.TryCreate(named.EndsWith('/') ? named : named + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"'{named}' is not an http(s) address of a silo, e.g. http://localhost:5080.");
            }
            var client = Connect(address);
            if (!await client.IsAliveAsync(cancellationToken))
            {
                client.Dispose();
                throw new SiloUnreachableException(address, "nothing answered its /health endpoint.");
            }
            return new SiloConnection(client, null);
        }
        var local = Connect(DefaultAddress);
        if (await local.IsAliveAsync(cancellationToken))
        {
            return new SiloConnection(local, null);
        }
        local.Dispose();
        return await StartEmbeddedAsync(library, cancellationToken);
    }

    private static async Task<SiloConnection> StartEmbeddedAsync(string? library, CancellationToken cancellationToken)
    {
        var app = SiloHost.Build(["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:GbaSim=Warning"], options =>
        {
            options.Port = 0;
            options.Host = "127.0.0.1";
            options.DataFolder = Environment.GetEnvironmentVariable("GBASIM_DATA") ?? options.DataFolder;
            if (library is not null)
            {
                options.ScenarioLibrary = library;
            }
        });
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        finally
        {
            Console.SetOut(console);
        }
        return new SiloConnection(Connect(SiloHost.Address(app)), app);
    }

    private static SiloClient Connect(Uri address) => new(new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_embedded is not null)
        {
            await _embedded.StopAsync();
            await _embedded.DisposeAsync();
        }
    }
}
