using System.Text.Json.Nodes;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>The definitions both schemas share: months and the model's names for cities, zones and sectors.</summary>
internal static class SharedDefinitions
{
    public const string MonthPattern = "^[0-9]{4}-(0?[1-9]|1[0-2])$";

    public const string KeyPattern = "^[a-z0-9-]+$";

    public static JsonObject Month(string description) => Schema.Text(description, MonthPattern);

    public static JsonObject City(string description) =>
        Schema.Enum(description, Cities.All.Select(c => c.DisplayName()));

    public static JsonObject Zone(string description, bool withNone) =>
        Schema.Enum(description, Zones.All.Where(z => withNone || z != GbaSim.Model.Ecosystem.Zone.None).Select(z => z.FileName()));

    public static JsonObject Sector(string description) =>
        Schema.Enum(description, Sectors.All.Select(s => s.Code()), Sectors.All.Select(s => s.ToString()));
}
