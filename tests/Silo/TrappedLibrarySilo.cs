using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Silo;

/// <summary>
/// A real silo process serving a scenario library laid with traps: a FIFO (<c>pipe.yaml</c>),
/// a link to a secret outside the library (<c>linked.yaml</c>) and a link to <c>/dev/zero</c>
/// (<c>zero.yaml</c>); beside it, outside, the secret itself.
/// </summary>
public sealed class TrappedLibrarySilo : IAsyncLifetime
{
    private readonly TempData _data = new();

    internal LibraryFolder Library { get; } = new();

    public SiloProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Library.Fifo("pipe.yaml");
        File.CreateSymbolicLink(Library.PathOf("linked.yaml"), Library.SecretFile);
        File.CreateSymbolicLink(Library.PathOf("zero.yaml"), "/dev/zero");
        // A later --scenarios replaces the repository's library that SiloProcess names first.
        Silo = await SiloProcess.StartAsync(_data.Path, "--scenarios", Library.Root);
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Library.Dispose();
        _data.Dispose();
    }
}
