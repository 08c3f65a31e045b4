namespace GbaSim.Model.Ecosystem;

public enum InstitutionKind : byte
{
    University,
    ResearchInstitute,
    NationalLaboratory,
    MajorFacility,
    TechnologyTransferCentre,
    PilotPlatform,
    VentureFund,
    GuidanceFund,
    BankLending,
    Incubator,

    /// <summary>A marketplace where firms list and buy data products (the Shenzhen Data Exchange in Qianhai).</summary>
    DataExchange,

    /// <summary>A proof-of-concept centre: proves a breakthrough's concept before pilot testing.</summary>
    ProofOfConceptCentre,
}

public static class InstitutionKinds
{
    public static readonly IReadOnlyList<InstitutionKind> All = Enum.GetValues<InstitutionKind>();

    public static bool DoesResearch(this InstitutionKind kind) =>
        kind is InstitutionKind.University or InstitutionKind.ResearchInstitute or InstitutionKind.NationalLaboratory;

    public static bool IsFund(this InstitutionKind kind) =>
        kind is InstitutionKind.VentureFund or InstitutionKind.GuidanceFund or InstitutionKind.BankLending;

    public static string FileName(this InstitutionKind kind) => kind switch
    {
        InstitutionKind.University => "university",
        InstitutionKind.ResearchInstitute => "research-institute",
        InstitutionKind.NationalLaboratory => "national-laboratory",
        InstitutionKind.MajorFacility => "major-facility",
        InstitutionKind.TechnologyTransferCentre => "technology-transfer-centre",
        InstitutionKind.PilotPlatform => "pilot-platform",
        InstitutionKind.VentureFund => "venture-fund",
        InstitutionKind.GuidanceFund => "guidance-fund",
        InstitutionKind.BankLending => "bank-lending",
        InstitutionKind.Incubator => "incubator",
        InstitutionKind.DataExchange => "data-exchange",
        _ => "proof-of-concept-centre",
    };

    public static bool TryParse(string name, out InstitutionKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.FileName(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
