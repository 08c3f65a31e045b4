using GbaSim.Grains.Contracts;

namespace GbaSim.Silo.Storage;

/// <summary>
/// How enumerations are spelled in the results database and its CSV exports: the names used in
/// scenario and world files. The strings are cached so writing a row allocates none.
/// </summary>
internal static class StoredNames
{
    /// <summary>The "city" of the region-wide figures.</summary>
    public const string Region = "region";

    private static readonly string[] CityNames = [.. Cities.All.Select(c => c.DisplayName())];
    private static readonly string[] SectorNames = [.. Sectors.All.Select(s => s.Code())];
    private static readonly string[] StageNames = [.. ChainStages.All.Select(s => s.FileName())];
    private static readonly string[] OutcomeNames = [.. Enum.GetValues<TransitionOutcome>().Select(Lower)];
    private static readonly string[] HolderKindNames = [.. Enum.GetValues<HolderKind>().Select(Lower)];
    private static readonly string[] FlowKindNames = [.. Enum.GetValues<FlowKind>().Select(Lower)];

    public static string Name(City city) => CityNames[(int)city];

    public static string Name(Sector sector) => SectorNames[(int)sector];

    public static string Name(ChainStage stage) => StageNames[(int)stage];

    public static string Name(TransitionOutcome outcome) => OutcomeNames[(int)outcome];

    public static string Name(HolderKind kind) => HolderKindNames[(int)kind];

    public static string Name(FlowKind kind) => FlowKindNames[(int)kind];

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
            return Name(parsed);
        }
        throw new ArgumentException(
            $"Unknown city '{city}'. Use one of: {Region}, {string.Join(", ", CityNames)}.", nameof(city));
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
