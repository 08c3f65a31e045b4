namespace GbaSim.Tests.Silo;

/// <summary>One real silo process bound to every address (0.0.0.0) with an API key, shared by the tests of who may call it.</summary>
public sealed class KeyedSiloFixture : IAsyncLifetime
{
    public const string Key = "gbasim-test-key-0123456789";

    private readonly TempData _data = new();

    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Silo = await SiloProcess.StartAsync(_data.Path, new Dictionary<string, string> { ["GBASIM_Silo__ApiKey"] = Key }, "--host", "0.0.0.0");

    /// <summary>A client that sends the key in the X-Api-Key header.</summary>
    public HttpClient HttpWithKey()
    {
        var http = Silo.Http();
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
