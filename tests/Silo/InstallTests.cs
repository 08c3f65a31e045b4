using GbaSim.Tests.Scenarios;

namespace GbaSim.Tests.Silo;

/// <summary>A real <c>gbasim</c> command: the README's one install command packs the client as a .NET tool of that name.</summary>
public sealed class InstallTests
{
    [Fact]
    public void Readme_gives_one_command_that_installs_the_client_as_the_gbasim_tool()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        Assert.Contains("```sh\n./install.sh\n```", readme, StringComparison.Ordinal);
        var script = Repository.PathOf("install.sh");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, "install.sh is not executable");
        }
        var text = File.ReadAllText(script);
        Assert.Contains("dotnet pack client", text, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install", text, StringComparison.Ordinal);
        var project = File.ReadAllText(Repository.PathOf("client/GbaSim.Client.csproj"));
        Assert.Contains("<PackAsTool>true</PackAsTool>", project, StringComparison.Ordinal);
        Assert.Contains("<ToolCommandName>gbasim</ToolCommandName>", project, StringComparison.Ordinal);
        Assert.Contains("<PackageId>GbaSim.Cli</PackageId>", project, StringComparison.Ordinal);
        Assert.Contains("GbaSim.Cli", text, StringComparison.Ordinal);
    }
}
