namespace GbaSim.Model.Ecosystem;

/// <summary>Industrial sectors of firms; they double as the fields of talent and technologies.</summary>
public enum Sector : byte
{
    NextGenerationIct,
    IntegratedCircuits,
    NewEnergyVehicles,
    BatteriesAndStorage,
    MedicalEquipment,
    SmartEquipment,
    Biotechnology,
    CommercialAerospace,
    Marine,
    ArtificialIntelligence,
}

public static class Sectors
{
    public const int Count = 10;

    public static readonly IReadOnlyList<Sector> All = Enum.GetValues<Sector>();

    /// <summary>The short code used in files and firm keys, e.g. "ict".</summary>
    public static string Code(this Sector sector) => sector switch
    {
        Sector.NextGenerationIct => "ict",
        Sector.IntegratedCircuits => "ic",
        Sector.NewEnergyVehicles => "nev",
        Sector.BatteriesAndStorage => "battery",
        Sector.MedicalEquipment => "medical",
        Sector.SmartEquipment => "equipment",
        Sector.Biotechnology => "bio",
        Sector.CommercialAerospace => "aerospace",
        Sector.Marine => "marine",
        _ => "ai",
    };

    public static bool TryParse(string code, out Sector sector)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.OrdinalIgnoreCase))
            {
                sector = candidate;
                return true;
            }
        }
        sector = default;
        return false;
    }
}
