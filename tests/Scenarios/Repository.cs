namespace GbaSim.Tests.Scenarios;

/// <summary>The repository the tests were built from, for the files committed beside the code (schemas, docs).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GbaSim.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("GbaSim.sln not found above the test assembly.");
    }
}
