namespace GbaSim.Tests.Scenarios;

/// <summary>A folder of files written by a test, deleted afterwards; for files that must not exist, or must be broken.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gbasim-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string Write(string relative, string text)
    {
        var file = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public string PathOf(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
