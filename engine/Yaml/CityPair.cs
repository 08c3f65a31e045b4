using GbaSim.Model.Ecosystem;
using YamlDotNet.RepresentationModel;

namespace GbaSim.Engine.Yaml;

/// <summary>Reads two different cities written as a list, <c>[Shenzhen, Hong Kong]</c>: a world link or a policy's city pair.</summary>
internal static class CityPair
{
    public static Located<(City A, City B)>? Read(YamlReader reader, YamlNode node, string what)
    {
        if (reader.Sequence(node, what) is not { } sequence)
        {
            return null;
        }
        var cities = reader.List(sequence, what, item => reader.Name(item, $"a city of {what}", Vocabularies.City));
        if (sequence.Children.Count != 2)
        {
            reader.Error(sequence, $"{what} must name exactly 2 cities, not {sequence.Children.Count}");
            return null;
        }
        if (cities.Count != 2)
        {
            return null;
        }
        if (cities[0].Value == cities[1].Value)
        {
            reader.Error(sequence, $"{what} must name two different cities, not {cities[0].Value.DisplayName()} twice");
            return null;
        }
        return new((cities[0].Value, cities[1].Value), reader.At(sequence));
    }
}
