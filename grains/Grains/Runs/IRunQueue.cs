namespace GbaSim.Grains.Runs;

/// <summary>The run grains' side of the registry: a run (or a whole fork group) has ended and frees its place.</summary>
[Alias("gbasim.IRunQueue")]
public interface IRunQueue : IGrainWithStringKey
{
    [Alias("RunEnded")]
    Task RunEnded(string runId);
}
