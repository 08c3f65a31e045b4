namespace GbaSim.Model.Ecosystem;

/// <summary>Zones inside cities that policies can target.</summary>
public enum Zone : byte
{
    None,
    Nansha,
    Qianhai,
    GuangmingScienceCity,
    HetaoShenzhenPark,
    HetaoHongKongPark,
    Hengqin,
    SongshanLake,
}

public static class Zones
{
    public static readonly IReadOnlyList<Zone> All = Enum.GetValues<Zone>();

    public static City CityOf(this Zone zone) => zone switch
    {
        Zone.Nansha => City.Guangzhou,
        Zone.Qianhai or Zone.GuangmingScienceCity or Zone.HetaoShenzhenPark => City.Shenzhen,
        Zone.HetaoHongKongPark => City.HongKong,
        Zone.Hengqin => City.Zhuhai,
        Zone.SongshanLake => City.Dongguan,
        _ => throw new ArgumentOutOfRangeException(nameof(zone), zone, "A zone outside any city has no city."),
    };

    /// <summary>The kebab-case name used in files, e.g. "hetao-shenzhen-park".</summary>
    public static string FileName(this Zone zone) => zone switch
    {
        Zone.None => "none",
        Zone.Nansha => "nansha",
        Zone.Qianhai => "qianhai",
        Zone.GuangmingScienceCity => "guangming-science-city",
        Zone.HetaoShenzhenPark => "hetao-shenzhen-park",
        Zone.HetaoHongKongPark => "hetao-hong-kong-park",
        Zone.Hengqin => "hengqin",
        _ => "songshan-lake",
    };

    public static bool TryParse(string name, out Zone zone)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.FileName(), name, StringComparison.OrdinalIgnoreCase))
            {
                zone = candidate;
                return true;
            }
        }
        zone = default;
        return false;
    }
}
