namespace GbaSim.Silo.Hosting;

/// <summary>
/// The silo's own settings, bound from the configuration section <c>Silo</c> (appsettings.json,
/// GBASIM_Silo__* variables, --Silo:* arguments or the short switches of <see cref="SiloHost"/>).
/// How runs are queued and spread is in the same section (see <c>RunRegistryOptions</c>).
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>Port on which the API and dashboard listen; 0 picks a free one. Default 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>
    /// Address the API, dashboard and Orleans gateway bind; loopback unless told otherwise. Any other
    /// address needs <see cref="ApiKey"/>. Default 127.0.0.1.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// For a <see cref="Host"/> other than loopback: the address the gateway gives clients, which
    /// they name in <c>--silo</c>. Empty: <see cref="Host"/> when it is one address, else this
    /// machine's first network address. Default empty.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>
    /// The key every HTTP request (header <c>X-Api-Key</c>, <c>Authorization: Bearer</c>, or the
    /// dashboard's login cookie) and every gateway client (<c>GBASIM_API_KEY</c>) must present;
    /// at least 16 characters. Empty: no key, allowed only on a loopback <see cref="Host"/>. Default empty.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// Host names (as in the <c>Host</c> header, without port; <c>*.example.org</c> allowed) that
    /// requests may name besides the loopback ones (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>)
    /// and the bound address; others are refused with 400, which stops DNS rebinding. Default none.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Slowest a request body may arrive, in bytes per second after <see cref="BodyGraceSeconds"/>; slower bodies get 408. Default 240.</summary>
    public double MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Seconds a request body may take before <see cref="MinBodyBytesPerSecond"/> applies; more than 1. Default 5.</summary>
    public double BodyGraceSeconds { get; set; } = 5;

    /// <summary>Orleans gateway port, where clients such as <c>gbasim</c> connect; 0 picks a free one (printed at start). Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Orleans silo-to-silo port; 0 picks a free one (printed at start). Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans cluster id; clients must name the same. Default <c>gbasim</c>.</summary>
    public string ClusterId { get; set; } = GbaSim.Contracts.ClusterIdentity.DefaultClusterId;

    /// <summary>
    /// The Redis server (<c>redis://HOST:PORT</c>) holding the membership of a cluster of several
    /// silos, which this silo joins; its checkpoints go there too. Empty: a cluster of this silo
    /// alone. Default empty.
    /// </summary>
    public string Cluster { get; set; } = "";

    /// <summary>
    /// What this silo hosts: <c>full</c> (every grain) or <c>shards</c> (only the grains that step
    /// runs' worlds, for silos that join a cluster to lend their cores; see <see cref="SiloRoles"/>). Default <c>full</c>.
    /// </summary>
    public string Role { get; set; } = SiloRoles.Full;

    /// <summary>Folder of the results database and kept comparisons; relative paths are relative to the working directory. Default <c>data</c>.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// A results store that several silos share, as <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE</c>
    /// (password from the URL or <c>PGPASSWORD</c>): runs, months, comparisons, checkpoint manifests
    /// and grain states go there. Empty: the SQLite database in <see cref="DataFolder"/>. Default empty.
    /// </summary>
    public string Store { get; set; } = "";

    /// <summary>The scenario library (a folder of scenario files); empty means the nearest <c>scenarios</c> folder above the working directory or the silo.</summary>
    public string ScenarioLibrary { get; set; } = "";

    /// <summary>Largest scenario body accepted, in bytes. Default 1 MiB.</summary>
    public int MaxScenarioBytes { get; set; } = 1024 * 1024;

    /// <summary>Finished runtime, run and request spans the in-process buffer keeps for the dashboard (the oldest go first).</summary>
    public int SpanBuffer { get; set; } = 20_000;

    /// <summary>Finished technology-chain spans the in-process buffer keeps.</summary>
    public int ChainSpanBuffer { get; set; } = 10_000;

    /// <summary>How old, in seconds, the last store write's outcome may be before <c>/ready</c> and new submissions probe the store with a write of their own. Default 5.</summary>
    public double StoreProbeSeconds { get; set; } = 5;

    /// <summary>A test hook: after this many writes, writes to the results store fail as on a full disk, to rehearse how the silo copes; 0 (the default) in normal operation.</summary>
    public int FaultStoreAfterWrites { get; set; }

    /// <summary>With <see cref="FaultStoreAfterWrites"/>: how many writes fail before the store writes again, as when space is freed; 0 (the default) for all of them.</summary>
    public int FaultStoreWrites { get; set; }
}
