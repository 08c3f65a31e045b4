namespace GbaSim.Model.Ecosystem;

/// <summary>What an <see cref="EcosystemMessage"/> carries, and so which of its payloads is meaningful.</summary>
public enum MessageKind : byte
{
    /// <summary>People arriving (<see cref="EcosystemMessage.Talent"/>): graduates or migrants to a city, hires to an employer.</summary>
    Talent = 1,

    /// <summary>An employer asks its city for people (<see cref="EcosystemMessage.Talent"/>).</summary>
    TalentDemand,

    /// <summary>Money (<see cref="EcosystemMessage.Capital"/>).</summary>
    Capital,

    /// <summary>An institution offers a breakthrough for licensing (<see cref="EcosystemMessage.Deal"/>).</summary>
    LicenceOffer,

    /// <summary>A firm asks a transfer centre for technologies of its field (<see cref="EcosystemMessage.Deal"/>: field and budget).</summary>
    TechnologyDemand,

    /// <summary>A transfer centre hands a firm a licensed technology (<see cref="EcosystemMessage.Deal"/>: price and licensor).</summary>
    Licensed,

    /// <summary>A firm asks a pilot platform to test a technology (<see cref="EcosystemMessage.Deal"/>).</summary>
    PilotRequest,

    /// <summary>A pilot platform reports a test (<see cref="EcosystemMessage.Deal"/>: success flag).</summary>
    PilotResult,

    /// <summary>
    /// A firm asks a fund, or a sector-finance policy, for money (<see cref="EcosystemMessage.Deal"/>: amount). To a policy
    /// the technology's stage says what is claimed: financing (first financing), market (launch reward), or basic
    /// research with no technology (a start-up grant).
    /// </summary>
    FundingApplication,

    /// <summary>A fund's answer (<see cref="EcosystemMessage.Deal"/>: amount granted and success flag).</summary>
    FundingDecision,

    /// <summary>An institution applies for a user project at a major facility (<see cref="EcosystemMessage.Deal"/>).</summary>
    FacilityApplication,

    /// <summary>A facility grants a user project (<see cref="EcosystemMessage.Deal"/>: months of access in Amount).</summary>
    FacilityGrant,

    /// <summary>The first message of a new firm (<see cref="EcosystemMessage.Founding"/>).</summary>
    Founding,

    /// <summary>A firm's monthly figures to its city (<see cref="EcosystemMessage.FirmReport"/>).</summary>
    FirmReport,

    /// <summary>An institution's monthly figures to its city (<see cref="EcosystemMessage.InstitutionReport"/>).</summary>
    InstitutionReport,

    /// <summary>A chain transition, to the city's chain ledger (<see cref="EcosystemMessage.Transition"/>).</summary>
    Transition,

    /// <summary>A start-up asks an incubator for a place (<see cref="EcosystemMessage.Deal"/>).</summary>
    IncubationRequest,

    /// <summary>An incubator admits a start-up (<see cref="EcosystemMessage.Deal"/>: months of support in Amount).</summary>
    IncubationGrant,

    /// <summary>A flow between cities, to the sender's city ledger (<see cref="EcosystemMessage.Flow"/>).</summary>
    Flow,

    /// <summary>A city asks a talent policy to pay relocation subsidies (<see cref="EcosystemMessage.Talent"/>).</summary>
    SubsidyClaim,

    /// <summary>A talent policy's money for the period is spent (<see cref="EcosystemMessage.Deal"/>: last step of the period in Amount, policy index in Counterpart).</summary>
    BudgetSpent,

    /// <summary>A firm claims what a policy owes it this month, such as tax relief or a rent subsidy (<see cref="EcosystemMessage.Deal"/>: yuan in Amount).</summary>
    PolicyClaim,

    /// <summary>A firm with products lists its data for sale on a data exchange (<see cref="EcosystemMessage.Deal"/>: the firm's zone).</summary>
    DataListing,

    /// <summary>A firm asks a data exchange for a data product (<see cref="EcosystemMessage.Deal"/>: budget and the firm's zone).</summary>
    DataRequest,

    /// <summary>A firm that moved into a firm-attraction policy's scope claims its package (<see cref="EcosystemMessage.Deal"/>: the firm's new place).</summary>
    RelocationClaim,

    /// <summary>A data exchange delivers a data product (<see cref="EcosystemMessage.Deal"/>: price in Amount, exchange in Counterpart).</summary>
    DataProduct,

    /// <summary>A joint-lab policy funds an institution's side of a lab this month (<see cref="EcosystemMessage.Deal"/>: yuan in Amount, the partner institution in Counterpart).</summary>
    JointLabFunding,

    /// <summary>A firm asks an IP-backed lending policy for a loan against its patents to launch a technology (<see cref="EcosystemMessage.Deal"/>: the technology, yuan asked in Amount, the firm's place).</summary>
    LoanApplication,

    /// <summary>A firm whose technology entered financing asks a first-purchase policy for an order (<see cref="EcosystemMessage.Deal"/>: the technology, the firm's place).</summary>
    OrderRequest,

    /// <summary>A first-purchase policy signs an order for a technology's first units (<see cref="EcosystemMessage.Deal"/>: the technology, yuan in Amount, the policy in Counterpart).</summary>
    OrderSigned,
}
