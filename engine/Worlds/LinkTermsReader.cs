using GbaSim.Engine.Yaml;
using GbaSim.Model.World;

namespace GbaSim.Engine.Worlds;

/// <summary>Reads the frictions a city link or a zone's own link gives; materials and data lose what technology does unless written.</summary>
internal static class LinkTermsReader
{
    public static readonly string[] Keys =
        ["travelHours", "talentLoss", "talentDelayMonths", "technologyLoss", "capitalLoss", "materialsLoss", "dataLoss"];

    /// <summary>The terms, and the materials and data losses as written (null when left out).</summary>
    public static (LinkTerms Terms, double? MaterialsLoss, double? DataLoss) Read(YamlReader reader, MappingFields fields)
    {
        var diagnostics = reader.Diagnostics;
        var travelHours = diagnostics.Within(fields.Number("travelHours", required: true), "travelHours", Interval.AtLeast(0));
        var talentLoss = diagnostics.Within(fields.Number("talentLoss", required: true), "talentLoss", Interval.ShareBelowOne);
        var talentDelay = diagnostics.Within(fields.Integer("talentDelayMonths", required: true), "talentDelayMonths", 0);
        var technologyLoss = diagnostics.Within(fields.Number("technologyLoss", required: true), "technologyLoss", Interval.ShareBelowOne);
        var capitalLoss = diagnostics.Within(fields.Number("capitalLoss", required: true), "capitalLoss", Interval.ShareBelowOne);
        var materialsLoss = diagnostics.Within(fields.Number("materialsLoss"), "materialsLoss", Interval.ShareBelowOne);
        var dataLoss = diagnostics.Within(fields.Number("dataLoss"), "dataLoss", Interval.ShareBelowOne);
        var technology = technologyLoss?.Value ?? 0;
        var terms = new LinkTerms(
            travelHours?.Value ?? 0,
            talentLoss?.Value ?? 0,
            (int)(talentDelay?.Value ?? 0),
            technology,
            capitalLoss?.Value ?? 0,
            materialsLoss?.Value ?? technology,
            dataLoss?.Value ?? technology);
        return (terms, materialsLoss?.Value, dataLoss?.Value);
    }
}
