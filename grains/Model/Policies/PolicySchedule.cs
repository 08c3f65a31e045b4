using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Policies;

/// <summary>
/// The scenario's policies, read-only, answering the questions grains ask of them: how much
/// friction a flow meets, what capacity a platform has this month, which policy pays for what.
/// Policies that move money do so through their own grains; this only describes the rules.
/// </summary>
public sealed class PolicySchedule(IReadOnlyList<PolicySpec> policies)
{
    private readonly bool[] _present = PresentTypes(policies);

    public IReadOnlyList<PolicySpec> Policies { get; } = policies;

    /// <summary>Whether the scenario has a policy of this type at all, so grains skip asking every month for levers nobody pulls.</summary>
    public bool Any(PolicyType type) => _present[(int)type];

    private static bool[] PresentTypes(IReadOnlyList<PolicySpec> policies)
    {
        var present = new bool[Enum.GetValues<PolicyType>().Length];
        foreach (var p in policies)
        {
            present[(int)p.Type] = true;
        }
        return present;
    }

    /// <summary>The multiplier (at most 1) on the loss a flow of <paramref name="kind"/> meets between two cities.</summary>
    public double FrictionFactor(long step, City a, City b, FlowKind kind) => FrictionFactor(step, Place.Of(a), Place.Of(b), kind);

    /// <summary>
    /// The multiplier (at most 1) on the loss a flow of <paramref name="kind"/> meets between two
    /// places. A facilitation scoped to zones (and no city pairs) acts only on flows that cross
    /// the border with one end in one of its zones: Hetao's line-division customs, not all of Shenzhen's.
    /// </summary>
    public double FrictionFactor(long step, Place a, Place b, FlowKind kind)
    {
        var factor = 1.0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.CrossBorderFacilitation && p.IsActive(step) && CoversFlow(p.Scope, a, b))
            {
                factor *= 1 - p.Parameter(kind switch
                {
                    FlowKind.Talent => "talentFrictionReduction",
                    FlowKind.Technology => "technologyFrictionReduction",
                    FlowKind.Materials => "materialsFrictionReduction",
                    FlowKind.Data => "dataFrictionReduction",
                    _ => "capitalFrictionReduction",
                });
            }
        }
        return factor;
    }

    /// <summary>Extra matches a month at a transfer centre, and the share of its fee that policies pay.</summary>
    public (double ExtraMatches, double FeeSubsidy) TransferBonus(long step, string institution, City city)
    {
        double extra = 0, subsidy = 0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.TechnologyTransferCapacity && p.IsActive(step) && CoversInstitution(p, institution, city))
            {
                extra += p.Parameter("extraMatchesPerMonth");
                subsidy = Math.Max(subsidy, p.Parameter("feeSubsidy"));
            }
        }
        return (extra, subsidy);
    }

    /// <summary>Extra concurrent pilots and the added probability of success at a pilot platform.</summary>
    public (double ExtraSlots, double SuccessUplift) PilotBonus(long step, string institution, City city)
    {
        double slots = 0, uplift = 0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.PilotPlatform && p.IsActive(step) && CoversInstitution(p, institution, city))
            {
                slots += p.Parameter("extraSlots");
                uplift += p.Parameter("successUplift");
            }
        }
        return (slots, uplift);
    }

    /// <summary>Extra user projects a year at a facility, and the share of Hong Kong and Macao access friction removed.</summary>
    public (double ExtraProjects, double OpenAccess) FacilityBonus(long step, string institution, City city)
    {
        double extra = 0, open = 0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.FacilityCapacity && p.IsActive(step) && CoversInstitution(p, institution, city))
            {
                extra += p.Parameter("extraProjectsPerYear");
                open = Math.Max(open, p.Parameter("openAccess"));
            }
        }
        return (extra, open);
    }

    /// <summary>The rise in licence value and the cut in imitation losses in a city.</summary>
    public (double LicenceUplift, double ImitationReduction) IpProtection(long step, City city)
    {
        double uplift = 0, reduction = 0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.IpProtection && p.IsActive(step) && p.Scope.CoversCity(city))
            {
                uplift += p.Parameter("licenceValueUplift");
                reduction = Math.Max(reduction, p.Parameter("imitationReduction"));
            }
        }
        return (uplift, reduction);
    }

    /// <summary>What talent policies add to the log of a city's pull for migrating talent (their attractiveness, not their money).</summary>
    public double Attractiveness(long step, City city)
    {
        var boost = 0.0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.TalentAttraction && p.IsActive(step) && p.Scope.CoversCity(city))
            {
                boost += p.Parameter("attractiveness");
            }
        }
        return boost;
    }

    /// <summary>
    /// The one-off relocation subsidy (yuan a person) a migrant to <paramref name="city"/> can
    /// expect: only from policies whose money for the period is not spent, as cities were told
    /// (<paramref name="pausedUntil"/>, by policy index).
    /// </summary>
    public double RelocationSubsidy(long step, City city, IReadOnlyList<int> pausedUntil)
    {
        var subsidy = 0.0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.TalentAttraction && p.IsActive(step) && p.Scope.CoversCity(city) && pausedUntil[p.Index] < step)
            {
                subsidy += p.Parameter("relocationSubsidy");
            }
        }
        return subsidy;
    }

    /// <summary>Talent policies paying relocation subsidies for arrivals in a city.</summary>
    public IEnumerable<PolicySpec> TalentSubsidies(long step, City city) =>
        Policies.Where(p => p.Type == PolicyType.TalentAttraction && p.IsActive(step) && p.Scope.CoversCity(city) && p.Parameter("relocationSubsidy") > 0);

    /// <summary>Sector-finance policies that cover a firm of this sector and place.</summary>
    public IEnumerable<PolicySpec> SectorFinance(long step, Sector sector, City city, Zone zone) => ForFirm(PolicyType.SectorFinance, step, sector, city, zone);

    /// <summary>Active policies of a type that cover a firm of this sector and place.</summary>
    public IEnumerable<PolicySpec> ForFirm(PolicyType type, long step, Sector sector, City city, Zone zone) =>
        Policies.Where(p => p.Type == type && p.IsActive(step) && p.Scope.CoversSector(sector) && p.Scope.CoversPlace(city, zone));

    /// <summary>
    /// What income-tax subsidies add to the log of the net wage Hong Kong and Macao talent
    /// expects in a covered mainland city: tax above <c>refundAbove</c> of income comes back,
    /// so the net wage rises from (1 − effectiveTaxRate) to (1 − refundAbove) of the gross.
    /// Only from policies whose money for the period is not spent, as cities were told.
    /// </summary>
    public double TaxSubsidyUplift(long step, City from, City to, IReadOnlyList<int> pausedUntil)
    {
        if (!Any(PolicyType.TalentIncomeTaxSubsidy) || !from.IsHongKongOrMacao() || to.IsHongKongOrMacao())
        {
            return 0;
        }
        var uplift = 0.0;
        foreach (var p in TalentTaxSubsidies(step, to))
        {
            var (rate, above) = (p.Parameter("effectiveTaxRate"), p.Parameter("refundAbove"));
            if (pausedUntil[p.Index] < step && rate > above && rate < 1)
            {
                uplift += Math.Log((1 - above) / (1 - rate));
            }
        }
        return uplift;
    }

    /// <summary>Income-tax subsidies for Hong Kong and Macao talent working in a mainland city.</summary>
    public IEnumerable<PolicySpec> TalentTaxSubsidies(long step, City city) => city.IsHongKongOrMacao()
        ? Enumerable.Empty<PolicySpec>()
        : Policies.Where(p => p.Type == PolicyType.TalentIncomeTaxSubsidy && p.IsActive(step) && p.Scope.CoversCity(city));

    /// <summary>
    /// The multiplier (at most 1) talent passes put on the loss and delay of people of
    /// <paramref name="level"/> crossing the border into <paramref name="to"/>: only senior
    /// talent qualifies, and only from policies whose money for the period is not spent.
    /// </summary>
    public double PassFactor(long step, City from, City to, TalentLevel level, IReadOnlyList<int> pausedUntil)
    {
        if (!Any(PolicyType.TalentPass) || level != TalentLevel.Senior || !Cities.CrossesBorder(from, to))
        {
            return 1;
        }
        var factor = 1.0;
        foreach (var p in TalentPasses(step, to))
        {
            if (pausedUntil[p.Index] < step)
            {
                factor *= 1 - p.Parameter("frictionReduction");
            }
        }
        return factor;
    }

    /// <summary>Talent-pass policies for people crossing into a city.</summary>
    public IEnumerable<PolicySpec> TalentPasses(long step, City city) =>
        Policies.Where(p => p.Type == PolicyType.TalentPass && p.IsActive(step) && p.Scope.CoversCity(city));

    /// <summary>The relative rise in spin-off odds that IP-ownership reforms give a research institution.</summary>
    public double SpinOffUplift(long step, string institution, City city)
    {
        var uplift = 0.0;
        foreach (var p in Policies)
        {
            if (p.Type == PolicyType.IpOwnershipReform && p.IsActive(step) && CoversInstitution(p, institution, city))
            {
                uplift += p.Parameter("spinOffUplift");
            }
        }
        return uplift;
    }

    /// <summary>Incubator-support policies that fund extra places at an incubator.</summary>
    public IEnumerable<PolicySpec> IncubatorSupport(long step, string institution, City city) =>
        Policies.Where(p => p.Type == PolicyType.IncubatorSupport && p.IsActive(step) && CoversInstitution(p, institution, city));

    /// <summary>Firm-attraction policies that pay a firm of <paramref name="sector"/> moving into <paramref name="place"/>.</summary>
    public IEnumerable<PolicySpec> FirmAttraction(long step, Sector sector, Place place) =>
        Policies.Where(p => p.Type == PolicyType.FirmAttraction && p.IsActive(step) && p.Scope.CoversSector(sector) && p.Scope.CoversPlace(place.City, place.Zone));

    /// <summary>What a firm of <paramref name="sector"/> moving into <paramref name="place"/> is offered in all: grants plus rent support.</summary>
    public double AttractionPackage(long step, Sector sector, Place place)
    {
        // Every firm weighing a move asks for every place it could go, so scenarios without the lever pay nothing here.
        if (!Any(PolicyType.FirmAttraction))
        {
            return 0;
        }
        var package = 0.0;
        foreach (var p in FirmAttraction(step, sector, place))
        {
            package += p.Parameter("relocationGrant") + (p.Parameter("rentSubsidyMonthly") * p.Parameter("rentMonths"));
        }
        return package;
    }

    /// <summary>The relative rise in a fund's odds for a launch backed by a first-purchase order: the largest of the active policies covering the firm.</summary>
    public double OrderBacking(long step, Sector sector, Place place)
    {
        var uplift = 0.0;
        foreach (var p in ForFirm(PolicyType.FirstPurchase, step, sector, place.City, place.Zone))
        {
            uplift = Math.Max(uplift, p.Parameter("fundOddsUplift"));
        }
        return uplift;
    }

    private static bool CoversFlow(PolicyScope scope, Place a, Place b) => scope.CityPairs.Count == 0 && scope.Zones.Count > 0
        ? (scope.Zones.Contains(a.Zone) || scope.Zones.Contains(b.Zone)) && Cities.CrossesBorder(a.City, b.City)
        : scope.CoversPair(a.City, b.City);

    private static bool CoversInstitution(PolicySpec policy, string institution, City city) => policy.Scope.Institutions.Count > 0
        ? policy.Scope.Institutions.Contains(institution)
        : policy.Scope.CoversCity(city);
}
