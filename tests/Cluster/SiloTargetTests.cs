using GbaSim.Client.Connection;
using GbaSim.Silo.Hosting;

namespace GbaSim.Tests.Cluster;

/// <summary>How the client reads <c>--silo</c>, <c>--cluster</c> and <c>--cluster-id</c> (the flags win over any GBASIM_* variable).</summary>
public sealed class SiloTargetTests
{
    [Fact]
    public void Cluster_flag_names_the_redis_and_no_gateway()
    {
        var target = new SiloTarget(null, "redis://:secret@10.0.0.5:6380/2", "east");

        Assert.Null(target.Gateway);
        Assert.Equal(new RedisAddress("10.0.0.5", 6380, null, "secret", 2), target.Redis());
        Assert.Equal("east", target.Id);
        // Messages never show the password.
        Assert.Equal("redis://10.0.0.5:6380/2", target.Redis()!.ToString());
    }

    [Fact]
    public void Silo_and_cluster_flags_together_are_refused()
    {
        var target = new SiloTarget("localhost:30000", "redis://127.0.0.1:6379", null);

        var error = Assert.Throws<ArgumentException>(() => target.Redis());
        Assert.Contains("either --silo", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:6379", "is not a Redis URL")]
    [InlineData("redis://127.0.0.1:6379?ssl=true", "has a query")]
    [InlineData("redis://127.0.0.1/x", "names database 'x'")]
    public void Bad_cluster_url_says_what_is_wrong(string url, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new SiloTarget(null, url, null).Redis());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Redis_port_defaults_to_6379()
    {
        Assert.Equal(RedisAddress.DefaultPort, RedisAddress.Parse("redis://redis.example").Port);
    }
}
