using GbaSim.Engine.Yaml;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Scenarios;

/// <summary>Reads a policy's <c>scope:</c>. Institution keys are only read here; the world they must exist in comes later.</summary>
internal static class ScopeReader
{
    public static readonly string[] Keys = ["cities", "zones", "sectors", "institutions", "pairs"];

    public static ScopeDraft Read(YamlReader reader, YamlMappingNode mapping)
    {
        var fields = reader.Fields(mapping, "the scope", Keys);
        var institutions = fields.Node("institutions") is { } keys
            ? reader.List(keys, "'institutions'", item => reader.String(item, "an entry of 'institutions'"))
            : [];
        var pairs = fields.Node("pairs") is { } pairList
            ? reader.List(pairList, "'pairs'", item => CityPair.Read(reader, item, "a city pair"))
            : [];
        return new ScopeDraft(
            fields.Names("cities", Vocabularies.City),
            fields.Names("zones", Vocabularies.Zone),
            fields.Names("sectors", Vocabularies.Sector),
            institutions,
            pairs);
    }
}
