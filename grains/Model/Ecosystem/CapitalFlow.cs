using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

public enum CapitalPurpose : byte
{
    Grant,
    Equity,
    Loan,
    LicenceFee,
    ServiceFee,
    Revenue,
    Subsidy,
    Repayment,

    /// <summary>A data product's price, paid to a data exchange, and the seller's share it passes on.</summary>
    DataSale,
}

/// <summary>
/// Money moving between grains, in yuan, for a purpose and (where it applies) a chain stage and
/// technology. <paramref name="Policy"/> is the index of the policy that paid it, or -1.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct CapitalFlow(CapitalPurpose Purpose, ChainStage Stage, City From, short Policy, double Amount, long TechnologyId);
