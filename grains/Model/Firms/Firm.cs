using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Firms;

/// <summary>
/// A firm: it employs R&amp;D talent, earns revenue from its products, files patents, and takes
/// technologies from licence (or spin-off) through pilot testing and financing to market. It
/// reports its figures to its city every month and closes when it runs out of money.
/// </summary>
public sealed partial class Firm : EcosystemActor
{
    private readonly List<PipelineItem> _pipeline = [];
    private readonly List<(long Fund, double Outstanding)> _investors = [];
    private readonly List<ResearchProject> _projects = [];
    private readonly List<CollaborationTie> _ties = [];
    private long _projectSerial;
    private int _distressMonths;

    /// <summary>A firm activated by its first message (a founding); it is set up when that message arrives.</summary>
    public Firm(WorldModel world)
        : base(world)
    {
    }

    public Firm(WorldModel world, FirmProfile profile)
        : base(world) => Start(profile);

    public bool Founded { get; private set; }

    public City City { get; private set; }

    public Zone Zone { get; private set; }

    public Sector Sector { get; private set; }

    /// <summary>Where the firm is now: its city and zone.</summary>
    public Place Here => new(City, Zone);

    public FirmStage Stage { get; private set; }

    public int BornStep { get; private set; }

    public int Talent { get; private set; }

    public double Cash { get; private set; }

    public int Products { get; private set; }

    public double ProductQuality { get; private set; }

    public bool HighTech { get; private set; }

    public bool Closed { get; private set; }

    public long InventionPatents { get; private set; }

    public long OtherPatents { get; private set; }

    public int IncubatedUntil { get; private set; } = -1;

    public IReadOnlyList<PipelineItem> Pipeline => _pipeline;

    public IReadOnlyList<ResearchProject> Projects => _projects;

    public IReadOnlyList<CollaborationTie> Ties => _ties;

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        if (Closed)
        {
            ReturnToSenders(context);
            context.Halt();
            return;
        }
        var status = FirmStatus.None;
        foreach (var envelope in context.Inbox)
        {
            status |= Receive(context, envelope.Message, envelope.Sender.Key);
        }
        if (!Founded)
        {
            context.Halt();
            return;
        }

        RecordUnderWay(context);
        var step = (int)context.Step;
        var (revenue, costs) = Trade(context);
        var researchEffort = ClaimPolicies(context, revenue, costs);
        if (_loans.Count > 0)
        {
            RepayLoans(context);
        }
        var breakthroughs = Research(context, researchEffort);
        var (inventions, others) = Invent(context, breakthroughs);
        Staff(context, revenue, costs);
        Advance(context);
        SeekTechnology(context);
        TradeData(context);
        ReviewLocation(context);
        if (Grow(step))
        {
            status |= FirmStatus.BecameHighTech;
        }

        Cash -= costs;
        Cash += revenue;
        if (ShouldClose(context, step))
        {
            Close(context);
            status |= FirmStatus.Closed;
        }
        if (HighTech)
        {
            status |= FirmStatus.HighTech;
        }
        if (Stage == FirmStage.StartUp)
        {
            status |= FirmStatus.StartUp;
        }
        if (IncubatedUntil >= step)
        {
            status |= FirmStatus.Incubated;
        }
        context.Send(ModelActors.CityId(City), EcosystemMessage.Of(new FirmReport(Sector, status, (short)Math.Min(Products, short.MaxValue), Talent, inventions, others, revenue, Cash)));
    }

    protected override EcosystemActor Fresh(WorldModel world) => new Firm(world);

    public override void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Founded);
        writer.Write(City);
        writer.Write(Zone);
        writer.Write(Sector);
        writer.Write(Stage);
        writer.Write(BornStep);
        writer.Write(Talent);
        writer.Write(Cash);
        writer.Write(Products);
        writer.Write(ProductQuality);
        writer.Write(HighTech);
        writer.Write(Closed);
        writer.Write(InventionPatents);
        writer.Write(OtherPatents);
        writer.Write(IncubatedUntil);
        writer.Write(DataUntil);
        writer.Write(Relocations);
        writer.Write(_distressMonths);
        writer.Write(_projectSerial);
        writer.WriteList(_pipeline);
        writer.WriteList(_investors);
        writer.WriteList(_projects);
        writer.WriteList(_ties);
        writer.Write(_underWayUnrecorded);
        // Only scenarios that lend against patents carry loans, so other snapshots (and result hashes) stay as they were.
        if (World.Schedule.Any(PolicyType.IpBackedLending))
        {
            writer.WriteList(_loans);
        }
        if (World.Schedule.Any(PolicyType.FirstPurchase))
        {
            writer.WriteList(_orders);
        }
    }

    public override void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Founded = reader.Read<bool>();
        City = reader.Read<City>();
        Zone = reader.Read<Zone>();
        Sector = reader.Read<Sector>();
        Stage = reader.Read<FirmStage>();
        BornStep = reader.Read<int>();
        Talent = reader.Read<int>();
        Cash = reader.Read<double>();
        Products = reader.Read<int>();
        ProductQuality = reader.Read<double>();
        HighTech = reader.Read<bool>();
        Closed = reader.Read<bool>();
        InventionPatents = reader.Read<long>();
        OtherPatents = reader.Read<long>();
        IncubatedUntil = reader.Read<int>();
        DataUntil = reader.Read<int>();
        Relocations = reader.Read<int>();
        _distressMonths = reader.Read<int>();
        _projectSerial = reader.Read<long>();
        reader.ReadList(_pipeline);
        reader.ReadList(_investors);
        reader.ReadList(_projects);
        reader.ReadList(_ties);
        _underWayUnrecorded = reader.Read<bool>();
        if (World.Schedule.Any(PolicyType.IpBackedLending))
        {
            reader.ReadList(_loans);
        }
        if (World.Schedule.Any(PolicyType.FirstPurchase))
        {
            reader.ReadList(_orders);
        }
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("city", City.DisplayName());
        writer.Write("zone", Zone.FileName());
        writer.Write("sector", Sector.Code());
        writer.Write("stage", Stage.ToString());
        writer.Write("bornStep", BornStep);
        writer.Write("highTech", HighTech);
        writer.Write("closed", Closed);
        writer.Write("talent", Talent);
        writer.Write("cash", Cash);
        writer.Write("products", Products);
        writer.Write("productQuality", ProductQuality);
        writer.Write("inventionPatents", InventionPatents);
        writer.Write("otherPatents", OtherPatents);
        writer.Write("incubatedUntil", IncubatedUntil);
        writer.Write("dataUntil", DataUntil);
        writer.Write("relocations", Relocations);
        writer.BeginArray("pipeline");
        foreach (var item in _pipeline)
        {
            writer.BeginObject("");
            writer.Write("technology", item.Technology.Id);
            writer.Write("step", item.Step.ToString());
            writer.Write("since", item.Since);
            writer.Write("quality", item.Technology.Quality);
            writer.EndObject();
        }
        writer.EndArray();
        writer.Write("distressMonths", _distressMonths);
        writer.Write("projectSerial", _projectSerial);
        writer.BeginArray("projects");
        foreach (var project in _projects)
        {
            writer.BeginObject("");
            writer.Write("technology", project.Technology.Id);
            writer.Write("quality", project.Technology.Quality);
            writer.Write("partner", project.Partner);
            writer.EndObject();
        }
        writer.EndArray();
        writer.BeginArray("ties");
        foreach (var tie in _ties)
        {
            writer.BeginObject("");
            writer.Write("partner", World.InstitutionName(tie.Partner));
            writer.Write("strength", tie.Strength);
            writer.EndObject();
        }
        writer.EndArray();
        if (World.Schedule.Any(PolicyType.IpBackedLending))
        {
            writer.Write("patentLoansOutstanding", _loans.Sum(l => l.Outstanding));
        }
        if (World.Schedule.Any(PolicyType.FirstPurchase))
        {
            writer.Write("firstOrders", _orders.Count);
        }
        writer.BeginArray("investors");
        foreach (var (fund, outstanding) in _investors)
        {
            writer.BeginObject("");
            writer.Write("fund", World.InstitutionName(fund));
            writer.Write("outstanding", outstanding);
            writer.EndObject();
        }
        writer.EndArray();
    }

    private void Start(FirmProfile profile)
    {
        Founded = true;
        City = profile.City;
        Zone = profile.Zone;
        Sector = profile.Sector;
        Stage = profile.Stage;
        BornStep = profile.BornStep;
        Talent = profile.Talent;
        Cash = profile.Cash;
        Products = profile.Products;
        ProductQuality = profile.ProductQuality;
        HighTech = profile.HighTech;
    }

    /// <summary>Monthly revenue (products, less imitation, plus services by staff) and labour costs.</summary>
    private (double Revenue, double Costs) Trade(ActorContext<EcosystemMessage> context)
    {
        var (_, imitationCut) = World.Schedule.IpProtection(context.Step, City);
        var imitation = Parameters.ImitationLossRate * (1 - imitationCut);
        var productRevenue = ProductQuality * 2 * Parameters.ProductMonthlyRevenue * (1 - imitation);
        var serviceRevenue = Talent * Parameters.BaseRevenuePerTalentMonth * (Stage == FirmStage.StartUp ? 0.5 : 1.0);
        var costs = Talent * World.MonthlyLabourCost(City);
        if (IncubatedUntil >= context.Step)
        {
            costs *= 1 - Parameters.IncubatorCostReduction;
        }
        PayInvestors(context, productRevenue);
        return (productRevenue + serviceRevenue, costs);
    }

    private void PayInvestors(ActorContext<EcosystemMessage> context, double productRevenue)
    {
        for (var i = 0; i < _investors.Count; i++)
        {
            var (fund, outstanding) = _investors[i];
            var payment = Math.Min(outstanding, productRevenue * Parameters.InvestorReturnShare);
            if (payment <= 0)
            {
                continue;
            }
            Cash -= payment;
            _investors[i] = (fund, outstanding - payment);
            Pay(context, ModelActors.InstitutionId((int)fund), World.PlaceOf((int)fund), new CapitalFlow(CapitalPurpose.Repayment, ChainStage.Market, City, -1, payment, 0), Zone);
        }
        _investors.RemoveAll(x => x.Outstanding <= 0);
    }

    /// <summary>The months the patent-quality drive lasts from the run's start: CNIPA's 2021 notice ended application subsidies by 2025.</summary>
    private const int PatentSubsidyPhaseOutMonths = 48;

    /// <summary>Patents granted this month: from the staff's routine work, and inventions from the firm's own breakthroughs.</summary>
    private (int Inventions, int Others) Invent(ActorContext<EcosystemMessage> context, int breakthroughs)
    {
        ref var random = ref context.Random;
        var inventions = random.Poisson((Talent * Parameters.InventionPatentsPerTalent * SectorInventiveness(Sector) / 12) + (breakthroughs * Parameters.InventionsPerBreakthrough));
        // China's patent-quality drive (subsidies for applications phased out from 2021 to 2025) thins utility models and designs year by year.
        var fall = Math.Pow(1 - Parameters.OtherPatentsYearlyFall, Math.Min(context.Step, PatentSubsidyPhaseOutMonths) / 12.0);
        var others = random.Poisson(Talent * Parameters.OtherPatentsPerTalent * fall / 12);
        InventionPatents += inventions;
        OtherPatents += others;
        return (inventions, others);
    }

    /// <summary>Relative invention-patent intensity of a sector: chips, AI and ICT patent most.</summary>
    private static double SectorInventiveness(Sector sector) => sector switch
    {
        Sector.IntegratedCircuits => 1.6,
        Sector.ArtificialIntelligence => 1.4,
        Sector.NextGenerationIct => 1.3,
        Sector.Biotechnology => 1.2,
        Sector.MedicalEquipment => 0.9,
        Sector.BatteriesAndStorage or Sector.NewEnergyVehicles => 0.9,
        Sector.CommercialAerospace => 1.0,
        _ => 0.7,
    };

    /// <summary>Attrition back to the city's pool, and a request for new people when the firm can pay.</summary>
    private void Staff(ActorContext<EcosystemMessage> context, double revenue, double costs)
    {
        ref var random = ref context.Random;
        var leaving = random.Binomial(Talent, Parameters.TalentAttritionMonthly);
        if (leaving > 0)
        {
            Talent -= leaving;
            context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, Sector, TalentLevel.Professional, City, City, leaving)));
        }
        // A firm hires while it earns its costs, or (a start-up spending its capital) while it has half a year of runway.
        var affordable = (Cash > 3 * costs && revenue >= costs * 0.9) || Cash > 6 * costs;
        if (!affordable)
        {
            return;
        }
        var wanted = random.StochasticRound((Talent * Parameters.TalentGrowthTarget / 12) + leaving + (Stage == FirmStage.StartUp ? Parameters.StartUpHiresMonthly : 0));
        if (wanted > 0)
        {
            context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.TalentDemand, new TalentFlow(TalentMove.Hire, Sector, TalentLevel.Professional, City, City, wanted)));
        }
    }

    /// <summary>Moves the firm through its life stages; returns true when it has just qualified as a high-tech enterprise.</summary>
    private bool Grow(int step)
    {
        var age = step - BornStep;
        // A firm with a product grows up at two years; one without is no longer a start-up at three (it lives on its services).
        if (Stage == FirmStage.StartUp && ((Products >= 1 && age >= 24) || age >= 36))
        {
            Stage = FirmStage.Growth;
        }
        else if (Stage == FirmStage.Growth && (Products >= 4 || Talent >= 200))
        {
            Stage = FirmStage.Mature;
        }
        if (!HighTech && City.TerritoryOf() == Territory.Mainland && age >= Parameters.HighTechMinimumAgeMonths
            && Talent >= Parameters.HighTechMinimumTalent && (InventionPatents >= 1 || OtherPatents >= 4))
        {
            HighTech = true;
            return true;
        }
        return false;
    }

    private bool ShouldClose(ActorContext<EcosystemMessage> context, int step)
    {
        _distressMonths = Cash < 0 ? _distressMonths + 1 : 0;
        if (_distressMonths >= Parameters.DistressMonthsToClose || Talent <= 0)
        {
            return true;
        }
        var rate = Stage == FirmStage.StartUp ? Parameters.StartUpExitRate : Parameters.FirmExitRate;
        if (IncubatedUntil >= step)
        {
            rate *= 1 - Parameters.IncubatorExitReduction;
        }
        return context.Random.Chance(rate / 12);
    }

    /// <summary>People and money that reach a closed firm go back where they came from.</summary>
    private void ReturnToSenders(ActorContext<EcosystemMessage> context)
    {
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Talent)
            {
                context.Send(ModelActors.CityId(City), message);
            }
            else if (message.Kind == MessageKind.FundingDecision && message.Deal.Success)
            {
                ReturnFinancing(context, envelope.Sender.Key, message.Deal);
            }
            else if (message.Kind == MessageKind.Licensed)
            {
                // The licence goes back to the centre, which offers the technology again and books no sale.
                context.Send(envelope.Sender, EcosystemMessage.Of(MessageKind.LicenceOffer, message.Deal with { Success = true }));
            }
        }
    }

    private void Close(ActorContext<EcosystemMessage> context)
    {
        Closed = true;
        foreach (var item in _pipeline)
        {
            Record(context, City, new ChainTransition(item.Technology, item.Technology.Stage, item.Technology.Stage, TransitionOutcome.Stalled, City, false, HolderKind.Firm, context.Id.Key, item.Source));
        }
        _pipeline.Clear();
        foreach (var project in _projects)
        {
            // A closing firm's projects end with it, recorded so that lags follow every technology to its end.
            Record(context, City, new ChainTransition(project.Technology, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Stalled, City, false, HolderKind.Firm, context.Id.Key, project.Partner));
        }
        _projects.Clear();
        if (Talent > 0)
        {
            context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, Sector, TalentLevel.Professional, City, City, Talent)));
            Talent = 0;
        }
        context.Halt();
    }
}
