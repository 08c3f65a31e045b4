using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.World;

/// <summary>
/// A zone's own terms with the city across a border from it (Hetao's Shenzhen park with Hong
/// Kong, Hengqin with Macao): a flow with one end in the zone and the other in
/// <paramref name="Across"/> meets these terms instead of the two cities' link.
/// </summary>
public sealed record ZoneLink(Zone Zone, City Across, LinkTerms Terms);
