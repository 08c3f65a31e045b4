using System.Text.Json.Nodes;
using System.Globalization;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Tests.Scenarios.Schemas;

/// <summary>The definitions both schemas share: months and the model's names for cities, zones and sectors.</summary>
internal static class SharedDefinitions
{
    public const string MonthPattern = "^[0-9]{4}-(0?[1-9]|1[0-2])$";

    public const string KeyPattern = "^[a-z0-9-]+$";

    public static JsonObject Month(string description) => Schema.Text(description, MonthPattern);

    /// <summary>Overrides of model parameters, each with its valid range and default from <see cref="ModelParameterCatalog"/>.</summary>
    public static JsonObject ModelParameters(string description)
    {
        var properties = new JsonObject();
        foreach (var parameter in ModelParameterCatalog.All)
        {
            var shown = parameter.Default.ToString(CultureInfo.InvariantCulture);
            double? maximum = double.IsFinite(parameter.Maximum) ? parameter.Maximum : null;
            properties[parameter.Name] = parameter.Whole
                ? Schema.Whole($"Model parameter {parameter.Name} (a whole number); default {shown}.", parameter.Minimum, maximum, parameter.Default)
                : Schema.Number($"Model parameter {parameter.Name}; default {shown}.", parameter.Minimum, maximum, parameter.Default);
        }
        return Schema.Object(description, properties);
    }

    public static JsonObject City(string description) =>
        Schema.Enum(description, Cities.All.Select(c => c.DisplayName()));

    public static JsonObject Zone(string description, bool withNone) =>
        Schema.Enum(description, Zones.All.Where(z => withNone || z != GbaSim.Model.Ecosystem.Zone.None).Select(z => z.FileName()));

    public static JsonObject Sector(string description) =>
        Schema.Enum(description, Sectors.All.Select(s => s.Code()), Sectors.All.Select(s => s.ToString()));
}
