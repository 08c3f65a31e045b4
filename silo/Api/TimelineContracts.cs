using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbaSim.Silo.Api;

/// <summary>One chain stage month by month: technologies that reached it and that stalled at it in each month (aligned with the months).</summary>
public sealed record StageMonthsInfo(string Stage, IReadOnlyList<long> Reached, IReadOnlyList<long> Stalled);

/// <summary>
/// The chain month by month, counting the transitions made in <paramref name="City"/> and of
/// <paramref name="Sector"/> (null for any), so that a slider can show it at any month.
/// </summary>
public sealed record ChainMonthsInfo(string RunId, string? City, string? Sector, IReadOnlyList<string> Months, IReadOnlyList<StageMonthsInfo> Stages);

/// <summary>A flow between two different cities in each month (aligned with the months), in the kind's unit.</summary>
public sealed record PairMonthsInfo(string From, string To, bool CrossesBorder, IReadOnlyList<double> Amounts);

/// <summary>One kind of flow between the cities, month by month.</summary>
public sealed record FlowMonthsInfo(string RunId, string Kind, string Unit, IReadOnlyList<string> Months, IReadOnlyList<PairMonthsInfo> Pairs);

/// <summary>Where a city lies, from the run's world file; null coordinates when the world file gives none.</summary>
public sealed record CityPlaceInfo(string City, double? Lon, double? Lat);

/// <summary>The cities of a run's world as the map draws them.</summary>
public sealed record CityMapInfo(string RunId, IReadOnlyList<CityPlaceInfo> Cities);

/// <summary>How the dashboard names and colours a chain stage, and the nodes of those that stalled at it or are still at it.</summary>
public sealed record StageStyleInfo(string Stage, string Name, string Color, string Stalled, string Waiting);

/// <summary>The chain's stages as every chart draws them, with the colours of stalled and waiting technologies.</summary>
public sealed record ChainStylesInfo(IReadOnlyList<StageStyleInfo> Stages, string StalledColor, string WaitingColor);

/// <summary>The runs whose grains the inspector can read now.</summary>
public sealed record InspectableRuns(IReadOnlyList<string> RunIds);

/// <summary>A run's label; null when it has none.</summary>
public sealed record RunLabel(string? Label);

/// <summary>A run deleted: the rows it freed, and whether the silo let go of grains it still kept for it.</summary>
public sealed record DeletedRun(GbaSim.Grains.Storage.RunFootprint Freed, bool GrainsReleased);

[JsonSerializable(typeof(RunLabel))]
[JsonSerializable(typeof(DeletedRun))]
[JsonSerializable(typeof(GbaSim.Grains.Storage.RunFootprint))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(InspectableRuns))]
[JsonSerializable(typeof(ChainStylesInfo))]
[JsonSerializable(typeof(ChainMonthsInfo))]
[JsonSerializable(typeof(FlowMonthsInfo))]
[JsonSerializable(typeof(CityMapInfo))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed partial class TimelineJsonContext : JsonSerializerContext;
