namespace GbaSim.Tests.Silo;

/// <summary>A data folder for one test, removed afterwards.</summary>
public sealed class TempData : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gbasim-test-" + Guid.NewGuid().ToString("N")[..10]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A process may still hold the database for a moment; the OS cleans temp folders.
        }
    }
}
