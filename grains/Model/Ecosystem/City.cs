namespace GbaSim.Model.Ecosystem;

/// <summary>The eleven cities of the Greater Bay Area.</summary>
public enum City : byte
{
    Guangzhou,
    Shenzhen,
    Zhuhai,
    Foshan,
    Huizhou,
    Dongguan,
    Zhongshan,
    Jiangmen,
    Zhaoqing,
    HongKong,
    Macao,
}

/// <summary>The separate customs and legal territories of the bay area; flows between them cross a border.</summary>
public enum Territory : byte
{
    Mainland,
    HongKong,
    Macao,
}

public static class Cities
{
    public const int Count = 11;

    public static readonly IReadOnlyList<City> All = Enum.GetValues<City>();

    public static Territory TerritoryOf(this City city) => city switch
    {
        City.HongKong => Territory.HongKong,
        City.Macao => Territory.Macao,
        _ => Territory.Mainland,
    };

    public static bool CrossesBorder(City from, City to) => from.TerritoryOf() != to.TerritoryOf();

    public static bool IsHongKongOrMacao(this City city) => city.TerritoryOf() != Territory.Mainland;

    /// <summary>The name used in world and scenario files, e.g. "Hong Kong".</summary>
    public static string DisplayName(this City city) => city switch
    {
        City.HongKong => "Hong Kong",
        _ => city.ToString(),
    };

    public static bool TryParse(string name, out City city)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.DisplayName(), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                city = candidate;
                return true;
            }
        }
        city = default;
        return false;
    }

    /// <summary>Short code used in firm keys, e.g. "sz" in <c>firm/sz-ict-00042</c>.</summary>
    public static string Code(this City city) => city switch
    {
        City.Guangzhou => "gz",
        City.Shenzhen => "sz",
        City.Zhuhai => "zh",
        City.Foshan => "fs",
        City.Huizhou => "hz",
        City.Dongguan => "dg",
        City.Zhongshan => "zs",
        City.Jiangmen => "jm",
        City.Zhaoqing => "zq",
        City.HongKong => "hk",
        _ => "mo",
    };
}
