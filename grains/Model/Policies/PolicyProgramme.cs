using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Policies;

/// <summary>
/// A policy at work. Policies that pay (research grants, sector finance, relocation subsidies,
/// tax relief, income-tax refunds, incubator places and rent, joint labs, loans against patents,
/// first orders for new products) send money to the
/// grains they cover until the period's budget (a year's, or the stated total) runs out, and a
/// talent policy (or talent passes, which book a cost per pass) then tells every city it has stopped; policies
/// that change the rules (frictions, capacities, IP) are read by grains from the schedule, and
/// here book a twelfth of a yearly budget (or the total over their stated months) each month.
/// Either way it reports what it spent.
/// </summary>
public sealed partial class PolicyProgramme(WorldModel world, int index) : EcosystemActor(world)
{
    private readonly HashSet<long> _paidTechnologies = [];
    private readonly HashSet<long> _paidStartUps = [];

    public PolicySpec Spec => World.Schedule.Policies[index];

    /// <summary>The budget of one period (a year, or the whole stated run), scaled with the firm sample.</summary>
    public double Budget => Spec.Budget * World.Scale;

    public double Spent { get; private set; }

    /// <summary>Spent in the current budget period.</summary>
    public double SpentInPeriod { get; private set; }

    /// <summary>The first step of the current budget period.</summary>
    public int PeriodStart { get; private set; } = -1;

    /// <summary>The last step up to which cities were told the subsidy is stopped (-1: never).</summary>
    public int AnnouncedUntil { get; private set; } = -1;

    public double SpentThisMonth { get; private set; }

    public long Payments { get; private set; }

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        SpentThisMonth = 0;
        var spec = Spec;
        if (!spec.IsActive(context.Step))
        {
            if (context.Step > spec.EndStep)
            {
                context.Halt();
            }
            return;
        }
        var period = spec.PeriodStart(context.Step);
        if (period != PeriodStart)
        {
            PeriodStart = period;
            SpentInPeriod = 0;
        }
        switch (spec.Type)
        {
            case PolicyType.CrossBorderResearchFunding:
                FundResearch(context, spec);
                break;
            case PolicyType.SectorFinance:
                foreach (var envelope in context.Inbox)
                {
                    if (envelope.Message.Kind == MessageKind.FundingApplication)
                    {
                        PaySectorFinance(context, spec, envelope.Sender, envelope.Message.Deal);
                    }
                }
                break;
            case PolicyType.TalentAttraction:
                foreach (var envelope in context.Inbox)
                {
                    if (envelope.Message.Kind == MessageKind.SubsidyClaim)
                    {
                        var claim = envelope.Message.Talent;
                        Grant(context, envelope.Sender, claim.To, CapitalPurpose.Subsidy, claim.Count * spec.Parameter("relocationSubsidy"), 0);
                    }
                }
                AnnounceIfSpent(context, spec);
                break;
            case PolicyType.TalentIncomeTaxSubsidy:
                RefundIncomeTax(context, spec);
                AnnounceIfSpent(context, spec);
                break;
            case PolicyType.IncubatorSupport:
                FundIncubatorPlaces(context, spec);
                PayClaims(context);
                break;
            case PolicyType.HighTechTaxRelief:
                PayClaims(context);
                break;
            case PolicyType.TalentPass:
                IssuePasses(context, spec);
                AnnounceIfSpent(context, spec);
                break;
            case PolicyType.FirmAttraction:
                PayRelocations(context, spec);
                break;
            case PolicyType.JointLab:
                FundJointLabs(context, spec);
                break;
            case PolicyType.IpBackedLending:
                Lend(context);
                break;
            case PolicyType.FirstPurchase:
                Procure(context, spec);
                break;
            default:
                Spend(spec.MonthlyShare * World.Scale);
                break;
        }
    }

    /// <summary>Grants to the covered research institutions (by default those in Hong Kong and Macao), in proportion to researchers.</summary>
    private void FundResearch(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var monthly = spec.MonthlyShare * World.Scale;
        var recipients = World.ResearchInstitutions.Where(i => Covers(spec, i)).ToArray();
        var researchers = recipients.Sum(i => (double)World.Institutions[i].Researchers);
        if (researchers <= 0)
        {
            return;
        }
        foreach (var i in recipients)
        {
            var amount = monthly * World.Institutions[i].Researchers / researchers;
            Grant(context, ModelActors.InstitutionId(i), World.Institutions[i].City, CapitalPurpose.Grant, amount, 0);
        }
    }

    private bool Covers(PolicySpec spec, int institution)
    {
        var definition = World.Institutions[institution];
        if (spec.Scope.Institutions.Count > 0)
        {
            return spec.Scope.Institutions.Contains(definition.Key);
        }
        return spec.Scope.Cities.Count > 0 || spec.Scope.Zones.Count > 0 ? spec.Scope.CoversCity(definition.City) : definition.City.IsHongKongOrMacao();
    }

    /// <summary>Pays a firm once per claim: a start-up grant at founding, a financing grant, a market reward.</summary>
    private void PaySectorFinance(ActorContext<EcosystemMessage> context, PolicySpec spec, Kernel.Identity.ActorId firm, in Deal claim)
    {
        var firmCity = claim.SenderPlace(firm.Key).City;
        var technology = claim.Technology;
        if (technology.Id == 0)
        {
            if (_paidStartUps.Add(firm.Key))
            {
                Grant(context, firm, firmCity, CapitalPurpose.Subsidy, spec.Parameter("startUpGrant"), 0);
            }
            return;
        }
        var key = technology.Stage == ChainStage.Market ? -technology.Id : technology.Id;
        if (!_paidTechnologies.Add(key))
        {
            return;
        }
        var amount = technology.Stage == ChainStage.Market ? spec.Parameter("marketReward") : spec.Parameter("financingGrant");
        Grant(context, firm, firmCity, CapitalPurpose.Subsidy, amount, technology.Id);
    }

    /// <summary>Once the period's money is gone, tells every city the subsidy no longer draws anyone until the period ends.</summary>
    private void AnnounceIfSpent(ActorContext<EcosystemMessage> context, PolicySpec spec)
    {
        var until = spec.PeriodEnd(context.Step);
        if (Budget - SpentInPeriod > 0 || AnnouncedUntil >= until)
        {
            return;
        }
        AnnouncedUntil = until;
        foreach (var city in Cities.All)
        {
            context.Send(ModelActors.CityId(city), EcosystemMessage.Of(MessageKind.BudgetSpent, new Deal(default, until, index, false)));
        }
    }

    /// <summary>Pays up to what is left of the period's budget; Guangdong's own programmes pay from the provincial capital, local ones from <paramref name="from"/>.</summary>
    private void Grant(ActorContext<EcosystemMessage> context, Kernel.Identity.ActorId to, City toCity, CapitalPurpose purpose, double amount, long technology, City from = City.Guangzhou)
    {
        amount = Math.Min(amount, Budget - SpentInPeriod);
        if (amount <= 0)
        {
            return;
        }
        Spend(amount);
        Payments++;
        Pay(context, to, Place.Of(toCity), new CapitalFlow(purpose, ChainStage.BasicResearch, from, (short)index, amount, technology));
    }

    private void Spend(double amount)
    {
        amount = Math.Min(amount, Budget - SpentInPeriod);
        if (amount <= 0)
        {
            return;
        }
        Spent += amount;
        SpentInPeriod += amount;
        SpentThisMonth += amount;
    }

    /// <summary>A copy with the same spending to date and the same claims already paid.</summary>
    protected override EcosystemActor Fresh(WorldModel world) => new PolicyProgramme(world, index);

    public override void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Spent);
        writer.Write(SpentInPeriod);
        writer.Write(PeriodStart);
        writer.Write(AnnouncedUntil);
        writer.Write(SpentThisMonth);
        writer.Write(Payments);
        // Sets are written in order, so the same state always gives the same bytes.
        writer.WriteSpan<long>(_paidTechnologies.Order().ToArray());
        writer.WriteSpan<long>(_paidStartUps.Order().ToArray());
        // Only income-tax subsidies count people, so other policies' snapshots (and result hashes) stay as they were.
        if (Spec.Type == PolicyType.TalentIncomeTaxSubsidy)
        {
            writer.WriteSpan<double>(_refunded);
        }
        if (Spec.Type == PolicyType.IpBackedLending)
        {
            writer.Write(Repaid);
        }
    }

    public override void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Spent = reader.Read<double>();
        SpentInPeriod = reader.Read<double>();
        PeriodStart = reader.Read<int>();
        AnnouncedUntil = reader.Read<int>();
        SpentThisMonth = reader.Read<double>();
        Payments = reader.Read<long>();
        _paidTechnologies.Clear();
        _paidTechnologies.UnionWith(reader.ReadArray<long>());
        _paidStartUps.Clear();
        _paidStartUps.UnionWith(reader.ReadArray<long>());
        if (Spec.Type == PolicyType.TalentIncomeTaxSubsidy)
        {
            reader.ReadInto(_refunded);
        }
        if (Spec.Type == PolicyType.IpBackedLending)
        {
            Repaid = reader.Read<double>();
        }
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("name", Spec.Name);
        writer.Write("type", PolicyCatalog.NameOf(Spec.Type));
        writer.Write("budget", Budget);
        writer.Write("budgetPer", Spec.BudgetPer.FileName());
        writer.Write("spent", Spent);
        writer.Write("spentInPeriod", SpentInPeriod);
        writer.Write("periodStart", PeriodStart);
        writer.Write("announcedUntil", AnnouncedUntil);
        writer.Write("payments", Payments);
        if (Spec.Type == PolicyType.TalentIncomeTaxSubsidy)
        {
            writer.Write("refundedTalent", _refunded.Sum());
        }
        if (Spec.Type == PolicyType.IpBackedLending)
        {
            writer.Write("repaid", Repaid);
        }
    }
}
