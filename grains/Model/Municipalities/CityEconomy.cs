using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Municipalities;

/// <summary>
/// A city: it holds the pool of mobile R&amp;D talent by field and level, clears the local
/// talent market against its employers' demand, sends some of its pool to other cities (more
/// to those that pay better for what they cost to live in, less across borders, where some
/// are lost and the rest arrive late), lets entrepreneurs found firms, and aggregates the
/// monthly reports of its firms and institutions into the city's figures.
/// </summary>
public sealed class CityEconomy : EcosystemActor
{
    private const int Levels = 3;
    private readonly double[] _pool = new double[Sectors.Count * Levels];
    private readonly List<(int Due, int Cell, double Count)> _inTransit = [];
    private readonly List<(Kernel.Identity.ActorId Employer, TalentFlow Demand)> _demands = [];
    private readonly double[] _sectorShares;
    private readonly int[] _subsidyPausedUntil;
    private long _foundedSerial;

    public CityEconomy(WorldModel world, City city)
        : base(world)
    {
        City = city;
        var definition = world.CityOf(city);
        _sectorShares = definition.SectorShares.ToArray();
        _subsidyPausedUntil = Enumerable.Repeat(-1, world.Schedule.Policies.Count).ToArray();
        var talent = definition.Talent * world.Scale;
        for (var s = 0; s < Sectors.Count; s++)
        {
            var sectorShare = definition.Firms > 0 ? (0.5 * _sectorShares[s]) + (0.5 / Sectors.Count) : 1.0 / Sectors.Count;
            for (var l = 0; l < Levels; l++)
            {
                _pool[(s * Levels) + l] = talent * sectorShare * definition.TalentLevelShares[l];
            }
        }
    }


    public City City { get; }

    /// <summary>The figures of the month just aggregated.</summary>
    public CityFigures Month { get; private set; } = new();

    public double TalentPool => _pool.Sum();

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        var month = new CityFigures();
        _demands.Clear();
        foreach (var envelope in context.Inbox)
        {
            Receive(context, envelope.Sender, envelope.Message, month, step);
        }
        Arrive(step, month);
        ClearTalentMarket(context, month);
        Migrate(context, month);
        Age();
        FoundStartUps(context, month);
        month.TalentPool = TalentPool;
        Month = month;
    }

    private void Receive(ActorContext<EcosystemMessage> context, Kernel.Identity.ActorId sender, in EcosystemMessage message, CityFigures month, int step)
    {
        switch (message.Kind)
        {
            case MessageKind.FirmReport:
                Count(message.FirmReport, month);
                break;
            case MessageKind.InstitutionReport:
                Count(message.InstitutionReport, month);
                break;
            case MessageKind.BudgetSpent:
                var policy = (int)message.Deal.Counterpart;
                _subsidyPausedUntil[policy] = Math.Max(_subsidyPausedUntil[policy], (int)message.Deal.Amount);
                break;
            case MessageKind.TalentDemand:
                _demands.Add((sender, message.Talent));
                break;
            case MessageKind.Talent:
                var talent = message.Talent;
                var cell = ((int)talent.Field * Levels) + (int)talent.Level;
                var delay = World.TalentDelay(step, talent.From, City) * World.Schedule.PassFactor(step, talent.From, City, talent.Level, _subsidyPausedUntil);
                if (talent.Move == TalentMove.Migrate && talent.From != City)
                {
                    month.MigrantsIn += talent.Count;
                    ClaimRelocationSubsidies(context, talent, _subsidyPausedUntil);
                }
                if (talent.Move == TalentMove.Migrate && talent.From == City && talent.Level == TalentLevel.Professional)
                {
                    ReturnStaff(talent);
                }
                else if (delay >= 1)
                {
                    _inTransit.Add((step + (int)Math.Round(delay), cell, talent.Count));
                }
                else
                {
                    _pool[cell] += talent.Count;
                }
                break;
        }
    }

    /// <summary>
    /// Staff leaving a firm rejoin the pool as professionals and seniors in the city's proportions,
    /// so that the pool keeps the senior share its world file gives rather than only what institutions shed.
    /// </summary>
    private void ReturnStaff(in TalentFlow staff)
    {
        var shares = World.CityOf(City).TalentLevelShares;
        var experienced = shares[(int)TalentLevel.Professional] + shares[(int)TalentLevel.Senior];
        var seniors = experienced > 0 ? staff.Count * shares[(int)TalentLevel.Senior] / experienced : 0;
        var cell = (int)staff.Field * Levels;
        _pool[cell + (int)TalentLevel.Professional] += staff.Count - seniors;
        _pool[cell + (int)TalentLevel.Senior] += seniors;
    }

    private static void Count(in FirmReport report, CityFigures month)
    {
        if ((report.Status & FirmStatus.Closed) != 0)
        {
            // The firm worked this month before it closed: its output counts, it no longer does.
            month.Closures++;
            month.Revenue += report.Revenue;
            month.InventionPatents += report.InventionPatents;
            month.OtherPatents += report.OtherPatents;
            return;
        }
        month.Firms++;
        month.HighTechEnterprises += (report.Status & FirmStatus.HighTech) != 0 ? 1 : 0;
        month.NewHighTechEnterprises += (report.Status & FirmStatus.BecameHighTech) != 0 ? 1 : 0;
        month.StartUps += (report.Status & FirmStatus.StartUp) != 0 ? 1 : 0;
        month.Incubated += (report.Status & FirmStatus.Incubated) != 0 ? 1 : 0;
        month.Births += (report.Status & FirmStatus.Born) != 0 ? 1 : 0;
        month.TalentEmployed += report.Talent;
        month.Products += report.Products;
        month.Revenue += report.Revenue;
        month.InventionPatents += report.InventionPatents;
        month.OtherPatents += report.OtherPatents;
    }

    private static void Count(in InstitutionReport report, CityFigures month)
    {
        month.Researchers += report.Researchers;
        month.ResearchResults += report.Results;
        month.InventionPatents += report.InventionPatents;
        month.Graduates += report.Graduates;
        month.FacilityProjects += report.FacilityProjects;
        month.FacilityProjectsHkMacao += report.FacilityProjectsHkMacao;
        month.TransactionValue += report.TransactionValue;
    }

    private void Arrive(int step, CityFigures month)
    {
        for (var i = _inTransit.Count - 1; i >= 0; i--)
        {
            if (_inTransit[i].Due <= step)
            {
                _pool[_inTransit[i].Cell] += _inTransit[i].Count;
                _inTransit.RemoveAt(i);
            }
        }
    }

    /// <summary>Employers get what the pool of their field can supply, pro rata when it cannot meet all demand.</summary>
    private void ClearTalentMarket(ActorContext<EcosystemMessage> context, CityFigures month)
    {
        Span<double> demand = stackalloc double[Sectors.Count];
        foreach (var (_, request) in _demands)
        {
            demand[(int)request.Field] += request.Count;
        }
        Span<double> ratio = stackalloc double[Sectors.Count];
        Span<double> remaining = stackalloc double[Sectors.Count];
        for (var s = 0; s < Sectors.Count; s++)
        {
            remaining[s] = FieldSupply(s);
            ratio[s] = demand[s] <= 0 ? 0 : Math.Min(1, remaining[s] / demand[s]);
        }
        ref var random = ref context.Random;
        foreach (var (employer, request) in _demands)
        {
            var field = (int)request.Field;
            var hired = Math.Min(Math.Min(request.Count, random.StochasticRound(request.Count * ratio[field])), (int)remaining[field]);
            remaining[field] -= Math.Max(hired, 0);
            month.UnmetDemand += request.Count - hired;
            if (hired <= 0)
            {
                continue;
            }
            Take((int)request.Field, hired);
            month.Hires += hired;
            context.Send(employer, EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Hire, request.Field, TalentLevel.Professional, City, City, hired)));
        }
    }

    private double FieldSupply(int sector)
    {
        var supply = 0.0;
        for (var l = 0; l < Levels; l++)
        {
            supply += _pool[(sector * Levels) + l];
        }
        return supply;
    }

    /// <summary>Takes people from a field's pool, graduates first, then professionals, then seniors.</summary>
    private void Take(int sector, double count)
    {
        for (var l = 0; l < Levels && count > 0; l++)
        {
            var cell = (sector * Levels) + l;
            var taken = Math.Min(count, _pool[cell]);
            _pool[cell] -= taken;
            count -= taken;
        }
    }

    /// <summary>Part of the pool moves each month, choosing cities by their pull (<see cref="MigrationPull"/>); frictions lose some on the way.</summary>
    private void Migrate(ActorContext<EcosystemMessage> context, CityFigures month)
    {
        Span<double> weights = stackalloc double[Cities.Count];
        for (var c = 0; c < Cities.Count; c++)
        {
            weights[c] = MigrationPull.Weight(World, context.Step, City, (City)c, _subsidyPausedUntil);
        }
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        if (total <= 0)
        {
            return;
        }
        // A pair's loss is the same for every sector and level (passes aside), so it is worked out once a step.
        Span<double> losses = stackalloc double[Cities.Count];
        for (var c = 0; c < Cities.Count; c++)
        {
            losses[c] = weights[c] > 0 ? World.CityLoss(context.Step, City, (City)c, FlowKind.Talent) : 0;
        }
        ref var random = ref context.Random;
        for (var cell = 0; cell < _pool.Length; cell++)
        {
            var movers = random.StochasticRound(_pool[cell] * Parameters.MigrationMonthly);
            if (movers == 0)
            {
                continue;
            }
            // Movers spread over destinations in proportion to their pull.
            for (var c = 0; c < Cities.Count; c++)
            {
                var count = Math.Min(random.StochasticRound(movers * weights[c] / total), (int)_pool[cell]);
                if (count <= 0)
                {
                    continue;
                }
                var destination = (City)c;
                _pool[cell] -= count;
                month.MigrantsOut += count;
                var loss = losses[c]
                    * World.Schedule.PassFactor(context.Step, City, destination, (TalentLevel)(cell % Levels), _subsidyPausedUntil);
                var arriving = count - random.Binomial(count, loss);
                month.MigrantsLost += count - arriving;
                RecordFlow(context, FlowKind.Talent, City, destination, count);
                if (arriving > 0)
                {
                    var flow = new TalentFlow(TalentMove.Migrate, (Sector)(cell / Levels), (TalentLevel)(cell % Levels), City, destination, arriving);
                    context.Send(ModelActors.CityId(destination), EcosystemMessage.Of(MessageKind.Talent, flow));
                }
            }
        }
    }

    /// <summary>Graduates gain experience; some of the pool leaves the region's R&amp;D labour market.</summary>
    private void Age()
    {
        for (var s = 0; s < Sectors.Count; s++)
        {
            var cell = s * Levels;
            var promoted = _pool[cell] * Parameters.GraduatePromotionMonthly;
            _pool[cell] -= promoted;
            _pool[cell + 1] += promoted;
        }
        for (var cell = 0; cell < _pool.Length; cell++)
        {
            _pool[cell] *= 1 - Parameters.TalentPoolExitMonthly;
        }
    }

    /// <summary>
    /// Claims relocation subsidies for arrivals, income-tax subsidies for those from Hong Kong
    /// and Macao, and the passes of senior talent that crossed the border while passes were issued.
    /// </summary>
    private void ClaimRelocationSubsidies(ActorContext<EcosystemMessage> context, in TalentFlow arrivals, IReadOnlyList<int> pausedUntil)
    {
        var claim = EcosystemMessage.Of(MessageKind.SubsidyClaim, new TalentFlow(TalentMove.Migrate, default, TalentLevel.Professional, City, City, arrivals.Count));
        foreach (var policy in World.Schedule.TalentSubsidies(context.Step, City))
        {
            context.Send(ModelActors.PolicyId(policy.Index), claim);
        }
        if (arrivals.From.IsHongKongOrMacao() && World.Schedule.Any(PolicyType.TalentIncomeTaxSubsidy))
        {
            foreach (var policy in World.Schedule.TalentTaxSubsidies(context.Step, City))
            {
                context.Send(ModelActors.PolicyId(policy.Index), claim);
            }
        }
        if (World.Schedule.PassFactor(context.Step, arrivals.From, City, arrivals.Level, pausedUntil) < 1)
        {
            foreach (var policy in World.Schedule.TalentPasses(context.Step, City))
            {
                context.Send(ModelActors.PolicyId(policy.Index), claim);
            }
        }
    }

    /// <summary>Entrepreneurs found firms without a licensed technology, in proportion to the firms already here and the room left.</summary>
    private void FoundStartUps(ActorContext<EcosystemMessage> context, CityFigures month)
    {
        ref var random = ref context.Random;
        // Formation slows as the city fills up towards its room for firms (logistic growth).
        var room = World.CityOf(City).Firms * World.Scale * Parameters.FirmRoomMultiple;
        var crowding = room > 0 ? Math.Max(0, 1 - (month.Firms / room)) : 1;
        var founded = random.Poisson(Math.Max(month.Firms, 1) * Parameters.StartUpFormationRate * crowding / 12);
        var zones = World.CityOf(City).ZoneShares;
        for (var i = 0; i < founded; i++)
        {
            var sector = (Sector)random.Pick(_sectorShares);
            var zone = FirmGenerator.PickZone(ref random, zones);
            var firm = ModelActors.FirmId(City, sector, (1L << 31) + (1L << 30) + _foundedSerial++);
            context.Create(firm, EcosystemMessage.Of(new Founding(default, City, zone, sector, false, Parameters.StartUpCash)));
            month.FirmsCreated++;
        }
    }

    protected override EcosystemActor Fresh(WorldModel world) => new CityEconomy(world, City);

    public override void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSpan<double>(_pool);
        writer.WriteList(_inTransit);
        writer.WriteList(_demands);
        writer.WriteSpan<double>(_sectorShares);
        writer.WriteSpan<int>(_subsidyPausedUntil);
        writer.Write(_foundedSerial);
        Month.Save(writer);
    }

    public override void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadInto(_pool);
        reader.ReadList(_inTransit);
        reader.ReadList(_demands);
        reader.ReadInto(_sectorShares);
        // A variant's world may add policies after the saved ones: their subsidies have never been stopped.
        var paused = reader.ReadArray<int>();
        Array.Fill(_subsidyPausedUntil, -1);
        Array.Copy(paused, _subsidyPausedUntil, Math.Min(paused.Length, _subsidyPausedUntil.Length));
        _foundedSerial = reader.Read<long>();
        Month = CityFigures.Load(reader);
    }

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("city", City.DisplayName());
        writer.Write("talentPool", TalentPool);
        writer.Write("inTransit", _inTransit.Sum(t => t.Count));
        writer.Write("firmsFounded", _foundedSerial);
        writer.BeginObject("subsidyPausedUntil");
        for (var i = 0; i < _subsidyPausedUntil.Length; i++)
        {
            writer.Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _subsidyPausedUntil[i]);
        }
        writer.EndObject();
        writer.BeginObject("pool");
        for (var s = 0; s < Sectors.Count; s++)
        {
            writer.Write(((Sector)s).Code(), FieldSupply(s));
        }
        writer.EndObject();
        writer.BeginObject("month");
        foreach (var (name, value) in Month.Values())
        {
            writer.Write(name, value);
        }
        writer.EndObject();
    }
}
