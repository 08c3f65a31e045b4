using System.Text;
using GbaSim.Grains.Storage;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Silo.Storage;

/// <summary>
/// How enumerations are spelled in the results database and its CSV exports: the names used in
/// scenario and world files. The strings are cached so writing a row allocates none.
/// </summary>
internal static class StoredNames
{
    /// <summary>The "city" of the region-wide figures.</summary>
    public const string Region = "region";

    public static readonly StoredName RegionName = StoredName.Of(Region);

    private static readonly StoredName[] CityNames = [.. Cities.All.Select(c => StoredName.Of(c.DisplayName()))];
    private static readonly StoredName[] SectorNames = [.. Sectors.All.Select(s => StoredName.Of(s.Code()))];
    private static readonly StoredName[] StageNames = [.. ChainStages.All.Select(s => StoredName.Of(s.FileName()))];
    private static readonly StoredName[] OutcomeNames = [.. Enum.GetValues<TransitionOutcome>().Select(Lower)];
    private static readonly StoredName[] HolderKindNames = [.. Enum.GetValues<HolderKind>().Select(Lower)];
    private static readonly StoredName[] FlowKindNames = [.. Enum.GetValues<FlowKind>().Select(Lower)];

    public static StoredName Name(City city) => CityNames[(int)city];

    public static StoredName Name(Sector sector) => SectorNames[(int)sector];

    public static StoredName Name(ChainStage stage) => StageNames[(int)stage];

    public static StoredName Name(TransitionOutcome outcome) => OutcomeNames[(int)outcome];

    public static StoredName Name(HolderKind kind) => HolderKindNames[(int)kind];

    public static StoredName Name(FlowKind kind) => FlowKindNames[(int)kind];

    /// <summary>
    /// The stored name of a place: null or "region" for the region, otherwise a city by its
    /// display name ("Hong Kong") or its identifier ("HongKong"), in any case.
    /// </summary>
    public static string Place(string? city)
    {
        if (city is null || string.Equals(city, Region, StringComparison.OrdinalIgnoreCase))
        {
            return Region;
        }
        if (Cities.TryParse(city, out var parsed))
        {
            return Name(parsed).Text;
        }
        throw new ArgumentException(
            $"Unknown city '{city}'. Use one of: {Region}, {string.Join(", ", CityNames.Select(c => c.Text))}.", nameof(city));
    }

    private static StoredName Lower<T>(T value)
        where T : struct, Enum => StoredName.Of(value.ToString().ToLowerInvariant());
}

/// <summary>A stored name with its UTF-8 bytes, encoded once rather than at every row.</summary>
internal readonly record struct StoredName(string Text, byte[] Utf8)
{
    public static StoredName Of(string text) => new(text, Encoding.UTF8.GetBytes(text));

    public override string ToString() => Text;
}
