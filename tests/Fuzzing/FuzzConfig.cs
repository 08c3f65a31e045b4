using FsCheck;

namespace GbaSim.Tests.Fuzzing;

/// <summary>How FsCheck runs the fuzz properties: a fixed number of cases, failing the test on the first escape (with the seed to replay it).</summary>
internal static class FuzzConfig
{
    public static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(count);
}
