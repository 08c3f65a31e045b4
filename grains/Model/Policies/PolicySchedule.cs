using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Policies;

/// <summary>
/// The scenario's policies, read-only, answering the questions grains ask of them: how much
/// friction a flow meets, what capacity a platform has this month, which policy pays for what.
/// Policies that move money do so through their own grains; this only describes the rules.
/// </summary>
public sealed class PolicySchedule(IReadOnlyList<PolicySpec> policies)
{
    public IReadOnlyList<PolicySpec> Policies { get; } = policies;

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
    public IEnumerable<PolicySpec> SectorFinance(long step, Sector sector, City city, Zone zone) =>
        Policies.Where(p => p.Type == PolicyType.SectorFinance && p.IsActive(step) && p.Scope.CoversSector(sector) && p.Scope.CoversPlace(city, zone));

    /// <summary>Firm-attraction policies that pay a firm of <paramref name="sector"/> moving into <paramref name="place"/>.</summary>
    public IEnumerable<PolicySpec> FirmAttraction(long step, Sector sector, Place place) =>
        Policies.Where(p => p.Type == PolicyType.FirmAttraction && p.IsActive(step) && p.Scope.CoversSector(sector) && p.Scope.CoversPlace(place.City, place.Zone));

    /// <summary>What a firm of <paramref name="sector"/> moving into <paramref name="place"/> is offered in all: grants plus rent support.</summary>
    public double AttractionPackage(long step, Sector sector, Place place)
    {
        var package = 0.0;
        foreach (var p in FirmAttraction(step, sector, place))
        {
            package += p.Parameter("relocationGrant") + (p.Parameter("rentSubsidyMonthly") * p.Parameter("rentMonths"));
        }
        return package;
    }

    private static bool CoversFlow(PolicyScope scope, Place a, Place b) => scope.CityPairs.Count == 0 && scope.Zones.Count > 0
        ? (scope.Zones.Contains(a.Zone) || scope.Zones.Contains(b.Zone)) && Cities.CrossesBorder(a.City, b.City)
        : scope.CoversPair(a.City, b.City);

    private static bool CoversInstitution(PolicySpec policy, string institution, City city) => policy.Scope.Institutions.Count > 0
        ? policy.Scope.Institutions.Contains(institution)
        : policy.Scope.CoversCity(city);
}
