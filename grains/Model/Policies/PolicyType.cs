namespace GbaSim.Model.Policies;

/// <summary>The policy levers a scenario can pull.</summary>
public enum PolicyType : byte
{
    /// <summary>Line-division customs management, whitelists, Hengqin: lower friction between city pairs.</summary>
    CrossBorderFacilitation,

    /// <summary>Guangdong funding research at Hong Kong and Macao institutions.</summary>
    CrossBorderResearchFunding,

    /// <summary>A stronger technology-transfer centre: more matches a month, subsidised fees.</summary>
    TechnologyTransferCapacity,

    /// <summary>Pilot-test platforms and proof-of-concept centres: more places and better odds.</summary>
    PilotPlatform,

    /// <summary>Finance across a sector's life cycle, such as Nansha's Nine Measures for commercial aerospace.</summary>
    SectorFinance,

    /// <summary>Talent attraction: relocation subsidies, an international talent port, youth hubs.</summary>
    TalentAttraction,

    /// <summary>More user projects at a major facility, and open access for Hong Kong and Macao.</summary>
    FacilityCapacity,

    /// <summary>IP protection: licences worth more, less imitation.</summary>
    IpProtection,

    /// <summary>Firm attraction into a zone or city: relocation grants and rent support, such as Nansha's Nine Measures for commercial space.</summary>
    FirmAttraction,
}
