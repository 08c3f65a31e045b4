namespace GbaSim.Silo.Hosting;

/// <summary>The silo's settings, bound from configuration section <c>Silo</c> (appsettings.json, GBASIM_Silo__* variables, --Silo:* arguments).</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Port on which the API and dashboard listen; 0 picks a free one.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Address to bind; loopback unless told otherwise.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Folder of the results database; relative paths are relative to the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Runs that execute at once; more wait in a queue.</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>Threads each run may use; 0 means one per core.</summary>
    public int Threads { get; set; }

    /// <summary>Partitions each run's grains are hashed into; never changes results.</summary>
    public int Partitions { get; set; } = 16;

    /// <summary>The scenario library (a folder of scenario files); empty means the nearest <c>scenarios</c> folder above the working directory or the silo.</summary>
    public string ScenarioLibrary { get; set; } = "";

    /// <summary>Finished runs whose grains stay in memory for inspection; older ones are released.</summary>
    public int RetainedRuns { get; set; } = 4;

    /// <summary>
    /// A grain (e.g. <c>city/Macao</c>) made to throw in every run at <see cref="FaultMonth"/>, to
    /// rehearse how failures are reported; empty in normal operation.
    /// </summary>
    public string FaultGrain { get; set; } = "";

    public int FaultMonth { get; set; }

    /// <summary>Largest scenario body accepted, in bytes.</summary>
    public int MaxScenarioBytes { get; set; } = 1024 * 1024;

    /// <summary>Finished runtime, run and request spans the in-process buffer keeps for the dashboard (the oldest go first).</summary>
    public int SpanBuffer { get; set; } = 20_000;

    /// <summary>Finished technology-chain spans the in-process buffer keeps.</summary>
    public int ChainSpanBuffer { get; set; } = 10_000;

    /// <summary>
    /// Trace one technology in this many (chosen by a hash of its id); 0 chooses by scale (every
    /// technology below scale 0.1, else one in 20); -1 traces none.
    /// </summary>
    public int ChainTraceEvery { get; set; }
}
