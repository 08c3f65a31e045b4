namespace GbaSim.Model.Policies;

/// <summary>
/// What each policy type is called in scenario files and which parameters it takes: the one
/// place the scenario loader, the JSON schema and the documentation read from.
/// </summary>
public static class PolicyCatalog
{
    private static readonly Dictionary<PolicyType, (string Name, string Summary, PolicyParameter[] Parameters)> Types = new()
    {
        [PolicyType.CrossBorderFacilitation] = ("cross-border-facilitation",
            "Lowers the share of talent, technology, capital, materials and data lost (and talent's delay) between the scoped city pairs, or, scoped to zones, on flows crossing the border from or into those zones (line-division customs; a whitelist is a reduction for one kind of flow).",
            [
                new("talentFrictionReduction", 0.5, 0, 1, "Share by which talent loss and delay fall."),
                new("technologyFrictionReduction", 0.5, 0, 1, "Share by which technology loss falls."),
                new("capitalFrictionReduction", 0.5, 0, 1, "Share by which capital loss falls."),
                new("materialsFrictionReduction", 0, 0, 1, "Share by which the loss of materials (samples, prototypes sent to pilot platforms) falls; none unless whitelisted."),
                new("dataFrictionReduction", 0, 0, 1, "Share by which the loss of data products falls; none unless whitelisted."),
            ]),
        [PolicyType.CrossBorderResearchFunding] = ("cross-border-research-funding",
            "Grants from Guangdong to research institutions in Hong Kong and Macao (or the scoped ones), paid monthly in proportion to researchers.",
            []),
        [PolicyType.TechnologyTransferCapacity] = ("technology-transfer-capacity",
            "More matches a month at the scoped transfer centres (all in the scoped cities if none named), with part of the fee subsidised.",
            [
                new("extraMatchesPerMonth", 20, 0, 100_000, "Matches added to each scoped centre's monthly capacity."),
                new("feeSubsidy", 0.5, 0, 1, "Share of the centre's fee waived for firms; the policy's operating budget stands for it."),
            ]),
        [PolicyType.PilotPlatform] = ("pilot-platform",
            "More concurrent pilots at the scoped platforms (all in the scoped cities if none named) and a higher chance of success.",
            [
                new("extraSlots", 20, 0, 100_000, "Concurrent pilots added to each scoped platform."),
                new("successUplift", 0.1, 0, 1, "Added to the probability that a pilot succeeds."),
            ]),
        [PolicyType.SectorFinance] = ("sector-finance",
            "Pays firms of the scoped sectors (and cities or zones) at each stage of the life cycle, from first financing to market.",
            [
                new("financingGrant", 5_000_000, 0, 1e10, "Paid when a firm's technology reaches the financing stage."),
                new("marketReward", 3_000_000, 0, 1e10, "Paid when a firm's product reaches the market."),
                new("startUpGrant", 1_000_000, 0, 1e10, "Paid to a new firm of the sector when it is founded."),
            ]),
        [PolicyType.TalentAttraction] = ("talent-attraction",
            "Makes the scoped cities more attractive to migrating talent and pays a relocation subsidy per arrival.",
            [
                new("relocationSubsidy", 100_000, 0, 1e8, "Paid once per person who moves into a scoped city while the budget lasts; it adds to the city's pull as a wage rise spread over a stay."),
                new("attractiveness", 0.2, 0, 5, "Added to the log of the city's pull for migrating talent: 0.2 raises its pull by about a fifth (e^0.2 = 1.22)."),
            ]),
        [PolicyType.FacilityCapacity] = ("facility-capacity",
            "More user projects a year at the scoped facilities, and open access for Hong Kong and Macao users.",
            [
                new("extraProjectsPerYear", 60, 0, 100_000, "User projects a year added to each scoped facility."),
                new("openAccess", 1, 0, 1, "Share of the access friction for Hong Kong and Macao applicants removed."),
            ]),
        [PolicyType.IpProtection] = ("ip-protection",
            "Stronger IP protection in the scoped cities: licences fetch more and imitation eats less revenue.",
            [
                new("licenceValueUplift", 0.3, 0, 10, "Relative rise in licence prices and in the odds of a match."),
                new("imitationReduction", 0.5, 0, 1, "Share by which revenue lost to imitation falls."),
            ]),
        [PolicyType.HighTechTaxRelief] = ("high-tech-tax-relief",
            "Corporate income tax relief for firms of the scoped cities, zones and sectors: a lower rate for high-tech enterprises and an extra deduction of R&D expenses, refunded monthly as the tax forgone.",
            [
                new("standardRate", 0.25, 0, 0.9, "The corporate income tax rate firms pay without the relief."),
                new("highTechRate", 0.15, 0, 1, "The rate a certified high-tech enterprise pays instead; set it to standardRate for no rate relief."),
                new("rdExtraDeduction", 1, 0, 10, "Share of R&D expenses (the firm's staff costs) deducted from taxable profit on top of the expenses themselves."),
                new("firstTierExtraDeduction", 0, 0, 10, "A higher extra share for a first tier of each year's R&D expenses; 0 for a single tier."),
                new("firstTierYuan", 0, 0, 1e10, "The R&D expenses a year, in yuan, that the first-tier share applies to."),
                new("rdPriceElasticity", 1, 0, 5, "How much more R&D a firm starts per unit fall in its after-tax price of R&D (about 1 in the long run: Bloom, Griffith and Van Reenen 2002)."),
            ]),
        [PolicyType.TalentIncomeTaxSubsidy] = ("talent-income-tax-subsidy",
            "Refunds Hong Kong, Macao and overseas talent working in the scoped mainland cities the income tax they pay above a share of their income, raising the net wage that draws them.",
            [
                new("effectiveTaxRate", 0.25, 0, 1, "The share of income such talent pays in individual income tax in the mainland without the subsidy."),
                new("refundAbove", 0.15, 0, 1, "The share of income above which tax is refunded."),
                new("stayYears", 5, 0.1, 50, "Years a subsidised arrival keeps claiming, on average; the refunds of everyone still counted are paid each month."),
            ]),
        [PolicyType.IncubatorSupport] = ("incubator-support",
            "Funds extra places at the scoped incubators (all in the scoped cities if none named) and pays the start-ups incubated in the scoped cities or zones a monthly rent subsidy.",
            [
                new("extraPlaces", 50, 0, 100_000, "Places added to each scoped incubator while the policy pays for them."),
                new("placeCostPerYear", 60_000, 1, 1e8, "What the policy pays an incubator a year for each extra place."),
                new("rentSubsidy", 5_000, 0, 1e7, "Yuan a month paid to each incubated start-up in the scope."),
            ]),
        [PolicyType.TalentPass] = ("talent-pass",
            "Talent passes and work permits: senior talent crossing the border into the scoped cities is lost and delayed less on the way, for a cost per pass.",
            [
                new("frictionReduction", 0.8, 0, 1, "Share of the loss and delay removed for senior talent crossing into a scoped city."),
                new("costPerPass", 3_000, 0, 1e7, "Yuan the authorities spend per pass, booked for each senior arrival; passes stop once the budget is spent."),
            ]),
        [PolicyType.IpOwnershipReform] = ("ip-ownership-reform",
            "Researchers at the scoped research institutions (all in the scoped cities if none named) own or share the IP of their results, so more breakthroughs leave as spin-offs.",
            [
                new("spinOffUplift", 0.5, 0, 10, "Relative rise in the odds that a breakthrough is spun off as a start-up."),
            ]),
        [PolicyType.FirmAttraction] = ("firm-attraction",
            "Draws firms of the scoped sectors into the scoped zones or cities: a firm that moves in is paid a relocation grant and its rent support, once, while the period's budget lasts; firms weigh the package when they consider moving.",
            [
                new("relocationGrant", 2_000_000, 0, 1e9, "Paid once to a firm that moves into the scope."),
                new("rentSubsidyMonthly", 50_000, 0, 1e8, "Rent support a month, paid up front with the grant for rentMonths."),
                new("rentMonths", 36, 0, 120, "Months of rent support in the package."),
            ]),
        [PolicyType.JointLab] = ("joint-lab",
            "Funds joint laboratories, each pairing a research institution of Hong Kong or Macao with one of the nine Guangdong cities (those named, or all in the scoped cities): while a lab is paid for, both partners break through more often and offer part of their breakthroughs through the partner's side.",
            [
                new("labCostPerYear", 10_000_000, 1, 1e10, "What one lab costs a year, paid monthly, half to each partner; labs are funded in the world file's order while the period's budget lasts."),
                new("breakthroughUplift", 0.3, 0, 10, "Relative rise in the odds that a partner's result breaks through, in the months its lab is paid for."),
                new("partnerOfferShare", 0.5, 0, 1, "Share of a partner's breakthroughs offered for licence through a transfer centre chosen from the other partner's city."),
            ]),
        [PolicyType.IpBackedLending] = ("ip-backed-lending",
            "Lends to firms of the scoped sectors and places against the invention patents they hold, when no investor finances the launch of a technology: the loan pays for the launch and is repaid in monthly instalments; the budget is the lending a period can grant.",
            [
                new("collateralPerPatent", 2_000_000, 0, 1e9, "Yuan lent per invention patent the firm holds, up to the launch's financing need."),
                new("loanMonths", 36, 1, 240, "Months over which a loan is repaid in equal instalments."),
                new("interestRate", 0.04, 0, 1, "Yearly interest, simple, on the sum lent."),
            ]),
        [PolicyType.FirstPurchase] = ("first-purchase",
            "Public buyers sign an order for the first units of a new product of the scoped sectors and places when its technology enters financing, while the period's budget lasts: funds finance a launch backed by an order more readily, and the order is paid at launch.",
            [
                new("orderValue", 5_000_000, 0, 1e9, "Yuan of the first order, booked against the budget when signed and paid to the firm when the product launches."),
                new("fundOddsUplift", 0.5, 0, 10, "Relative rise in the odds that a fund finances a launch backed by an order, while the policy is active."),
            ]),
    };

    public static IEnumerable<PolicyType> All => Types.Keys;

    public static string NameOf(PolicyType type) => Types[type].Name;

    public static string SummaryOf(PolicyType type) => Types[type].Summary;

    public static IReadOnlyList<PolicyParameter> ParametersOf(PolicyType type) => Types[type].Parameters;

    public static bool TryParse(string name, out PolicyType type)
    {
        foreach (var (candidate, entry) in Types)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
