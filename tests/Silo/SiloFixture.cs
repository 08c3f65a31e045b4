namespace GbaSim.Tests.Silo;

/// <summary>One real silo process shared by the tests of a class.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly TempData _data = new();

    public SiloProcess Silo { get; private set; } = null!;

    public string DataFolder => _data.Path;

    public async Task InitializeAsync() => Silo = await SiloProcess.StartAsync(_data.Path, "--max-runs", "2");

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _data.Dispose();
    }
}
