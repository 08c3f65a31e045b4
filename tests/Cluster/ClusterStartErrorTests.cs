using GbaSim.Silo.Hosting;
using GbaSim.Tests.Silo;

namespace GbaSim.Tests.Cluster;

/// <summary>A cluster that cannot be joined or found is one clear line and a documented exit code, for the silo and the client alike.</summary>
public sealed class ClusterStartErrorTests
{
    [Fact]
    public async Task Silo_whose_redis_does_not_answer_exits_8_naming_the_address()
    {
        using var data = new TempData();
        var port = SiloProcess.FreePort();

        var outcome = await SiloProcess.RunToExitAsync(data.Path, "--cluster", $"redis://127.0.0.1:{port}");

        Assert.Equal(SiloExitCodes.ClusterUnreachable, outcome.ExitCode);
        var line = Assert.Single(outcome.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"redis://127.0.0.1:{port} does not answer", line);
    }

    [Theory]
    [InlineData("http://127.0.0.1:6379", "is not a Redis URL")]
    [InlineData("redis://127.0.0.1:6379/99", "a Redis database is a number from 0 to 15")]
    public async Task Silo_given_a_bad_cluster_url_exits_2_saying_how_to_write_it(string url, string expected)
    {
        using var data = new TempData();

        var outcome = await SiloProcess.RunToExitAsync(data.Path, "--cluster", url);

        Assert.Equal(SiloExitCodes.InvalidOptions, outcome.ExitCode);
        Assert.Contains(expected, outcome.Errors);
        Assert.DoesNotContain("   at ", outcome.Errors);
    }

    [Fact]
    public async Task Shards_role_without_a_cluster_is_refused()
    {
        using var data = new TempData();

        var outcome = await SiloProcess.RunToExitAsync(data.Path, "--role", "shards");

        Assert.Equal(SiloExitCodes.InvalidOptions, outcome.ExitCode);
        Assert.Contains("--cluster redis://HOST:PORT", outcome.Errors);
    }

    [Fact]
    public async Task Client_whose_cluster_redis_does_not_answer_exits_3_in_one_line()
    {
        using var data = new TempData();
        var port = SiloProcess.FreePort();

        var outcome = await ClientProcess.RunAsync(data.Path, "runs", "--cluster", $"redis://127.0.0.1:{port}");

        Assert.Equal(3, outcome.ExitCode);
        var line = Assert.Single(outcome.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"redis://127.0.0.1:{port} does not answer", line);
    }

    [Fact]
    public async Task Client_given_both_silo_and_cluster_exits_2()
    {
        using var data = new TempData();

        var outcome = await ClientProcess.RunAsync(data.Path, "runs", "--silo", "localhost:30000", "--cluster", "redis://127.0.0.1:6379");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("either --silo", outcome.Errors);
    }
}
