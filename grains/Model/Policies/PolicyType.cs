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

    /// <summary>Corporate tax relief: the high-tech enterprise rate and the extra deduction of R&amp;D expenses.</summary>
    HighTechTaxRelief,

    /// <summary>The GBA individual income tax subsidy: tax above a set share of income refunded to Hong Kong, Macao and overseas talent.</summary>
    TalentIncomeTaxSubsidy,

    /// <summary>Incubator places and rent subsidies for the start-ups in them.</summary>
    IncubatorSupport,

    /// <summary>Talent passes and work permits: less loss and delay for senior talent crossing the border into the scoped cities.</summary>
    TalentPass,

    /// <summary>University IP-ownership reform: researchers own or share their results, so more of them start firms.</summary>
    IpOwnershipReform,

    /// <summary>Firm attraction into a zone or city: relocation grants and rent support, such as Nansha's Nine Measures for commercial space.</summary>
    FirmAttraction,

    /// <summary>Guangdong–Hong Kong–Macao joint laboratories: paired institutions across the border break through more often and share their results.</summary>
    JointLab,

    /// <summary>IP-backed lending: firms that hold invention patents borrow against them when no investor finances a launch.</summary>
    IpBackedLending,

    /// <summary>First-purchase procurement: public buyers sign an order for a new product's first units, which makes investors readier to finance its launch.</summary>
    FirstPurchase,
}
