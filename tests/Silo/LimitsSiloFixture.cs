namespace GbaSim.Tests.Silo;

/// <summary>
/// One real silo process with small limits, shared by the tests of what the silo refuses: one run
/// at a time and one waiting, bodies that must keep coming after two seconds, and one extra
/// allowed host name.
/// </summary>
public sealed class LimitsSiloFixture : IAsyncLifetime
{
    public const string AllowedHost = "gbasim.example";

    private readonly TempData _data = new();

    public SiloProcess Silo { get; private set; } = null!;

    public string DataFolder => _data.Path;

    public async Task InitializeAsync() => Silo = await SiloProcess.StartAsync(_data.Path,
        "--max-runs", "1", "--max-queued", "1", "--Silo:BodyGraceSeconds=2", $"--Silo:AllowedHosts:0={AllowedHost}");

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
