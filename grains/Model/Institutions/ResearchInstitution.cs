using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;
using GbaSim.Kernel.Determinism;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A university, research institute or national laboratory: its researchers produce
/// basic-research results, some of which break through; breakthroughs are offered for licence
/// through a transfer centre or spun off as start-ups. It trains graduates into its city's
/// talent pool, takes grants (which hire researchers) and applies for user projects at major
/// facilities; each project makes its team more productive while it lasts. Researchers leave for
/// the city's pool and are replaced from it, so a thin pool slows its breakthroughs.
/// </summary>
public sealed class ResearchInstitution : Institution
{
    private readonly List<Technology> _results = [];
    private readonly List<int> _projectsUntil = [];
    private long _serial;
    private long _spinOffs;
    private int _seededUnrecorded;

    /// <summary>The joint labs paid for this month: the partner institution and the paying policy (rebuilt from each month's inbox, so never saved).</summary>
    private readonly List<(int Partner, int Policy)> _labs = [];

    public ResearchInstitution(WorldModel world, int index)
        : base(world, index) => Researchers = Scaled(Definition.Researchers);

    public double Researchers { get; private set; }

    public double FundedResearchers { get; private set; }

    /// <summary>User projects at major facilities under way.</summary>
    public int FacilityProjects => _projectsUntil.Count;

    public long ResultsProduced { get; private set; }

    public long Breakthroughs { get; private set; }

    public double GrantsReceived { get; private set; }

    public IReadOnlyList<Technology> Results => _results;

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        // Results under way at the start enter the chain's records in the first month.
        for (var i = 0; i < _seededUnrecorded && i < _results.Count; i++)
        {
            Record(context, City, new ChainTransition(_results[i], ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Advanced, City, false, HolderKind.Institution, Index, Index));
        }
        _seededUnrecorded = 0;
        _labs.Clear();
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Capital)
            {
                if (message.Capital.Purpose == CapitalPurpose.Grant)
                {
                    GrantsReceived += message.Capital.Amount;
                    // A grant pays researchers for GrantMonths; they leave gradually as the money runs out.
                    FundedResearchers += message.Capital.Amount / (Parameters.ResearcherAnnualCost * Parameters.GrantMonths / 12.0);
                }
                else
                {
                    Income += message.Capital.Amount;
                }
            }
            else if (message.Kind == MessageKind.Talent)
            {
                Researchers += message.Talent.Count;
            }
            else if (message.Kind == MessageKind.FacilityGrant)
            {
                _projectsUntil.Add((int)context.Step + (int)message.Deal.Amount - 1);
            }
            else if (message.Kind == MessageKind.JointLabFunding)
            {
                Income += message.Deal.Amount;
                _labs.Add(((int)message.Deal.Counterpart, (int)envelope.Sender.Key));
            }
        }
        FundedResearchers *= 1 - (1.0 / Parameters.GrantMonths);

        var step = (int)context.Step;
        _projectsUntil.RemoveAll(until => until < step);
        Staff(context);
        var researchers = Researchers + FundedResearchers;
        var boost = FacilityBoost(researchers);
        ref var random = ref context.Random;

        var newResults = random.Poisson(researchers * Parameters.ResultsPerResearcher * boost / 12);
        for (var i = 0; i < newResults; i++)
        {
            Discover(context, step);
        }
        var breakthroughs = Research(context, step, boost);
        ApplyForFacilities(context, researchers);
        var graduates = Graduate(context);
        var inventions = breakthroughs + random.Poisson(researchers * Parameters.InstitutionInventionsPerResearcher / 12);
        Report(context, new InstitutionReport(Definition.Kind, (int)Math.Round(researchers), newResults, inventions, graduates, 0, 0, 0));
    }

    /// <summary>
    /// The productivity multiplier of the institution's facility work: each project's team
    /// works faster by the boost, so the multiplier grows with the projects and never exceeds
    /// the boost, however many there are.
    /// </summary>
    private double FacilityBoost(double researchers)
    {
        if (_projectsUntil.Count == 0 || researchers <= 0)
        {
            return 1;
        }
        var boosted = Math.Min(1, _projectsUntil.Count * Parameters.FacilityProjectTeam / researchers);
        return 1 + (Parameters.FacilityProductivityBoost * boosted);
    }

    /// <summary>How fast the staff moves results on, against its staffing in the world file: more researchers, faster breakthroughs.</summary>
    public double TalentPace
    {
        get
        {
            var usual = Scaled(Definition.Researchers);
            return usual <= 0 ? 1 : Math.Clamp(Math.Pow((Researchers + FundedResearchers) / usual, Parameters.TalentHazardElasticity), 0.5, 2.0);
        }
    }

    /// <summary>Researchers leave for the city's pool as firms' staff do, and the institution asks the city to replace them.</summary>
    private void Staff(ActorContext<EcosystemMessage> context)
    {
        var leaving = context.Random.Binomial((int)Math.Round(Researchers), Parameters.TalentAttritionMonthly);
        if (leaving <= 0)
        {
            return;
        }
        Researchers -= leaving;
        var field = Definition.Sectors.Count > 0 ? Definition.Sectors[0] : Sector.NextGenerationIct;
        context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Migrate, field, TalentLevel.Senior, City, City, leaving)));
        context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.TalentDemand, new TalentFlow(TalentMove.Hire, field, TalentLevel.Senior, City, City, leaving)));
    }

    /// <summary>Seeds the institution with its results of the years before the run that are still in basic research, each as old as the months since its discovery.</summary>
    public void SeedResults(ref RandomStream random)
    {
        var hazards = new StageHazards(Parameters.BreakthroughMonthly * TalentPace, 0, 0, 0, false);
        var starts = (Researchers + FundedResearchers) * Parameters.ResultsPerResearcher / 12;
        for (var born = -Prehistory.Months; born < 0; born++)
        {
            for (var n = random.Poisson(starts * Prehistory.PastVolume(born)); n > 0; n--)
            {
                var sectors = Definition.Sectors;
                var field = sectors.Count > 0 ? sectors[random.NextInt(sectors.Count)] : (Sector)random.NextInt(Sectors.Count);
                var quality = Math.Clamp(Definition.Quality + (0.15 * random.NextGaussian()), 0.02, 0.98);
                var result = new Technology(0, field, ChainStage.BasicResearch, 2, City, 0, (float)quality, born, born, 0);
                if (Prehistory.UnderWayAtStart(ref result, hazards, Parameters, false, ref random))
                {
                    _results.Add(result with { Id = NextTechnologyId() });
                    _seededUnrecorded++;
                }
            }
        }
    }

    private void Discover(ActorContext<EcosystemMessage> context, int step)
    {
        ref var random = ref context.Random;
        var sectors = Definition.Sectors;
        var field = sectors.Count > 0 ? sectors[random.NextInt(sectors.Count)] : (Sector)random.NextInt(Sectors.Count);
        var quality = Math.Clamp(Definition.Quality + (0.15 * random.NextGaussian()), 0.02, 0.98);
        var technology = new Technology(NextTechnologyId(), field, ChainStage.BasicResearch, 2, City, 0, (float)quality, step, step, 0);
        _results.Add(technology);
        ResultsProduced++;
        Record(context, City, new ChainTransition(technology, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Advanced, City, false, HolderKind.Institution, Index, Index));
    }

    /// <summary>Each result may break through, or be abandoned; breakthroughs leave for licence or a spin-off.</summary>
    private int Research(ActorContext<EcosystemMessage> context, int step, double boost)
    {
        var breakthroughs = 0;
        var pace = TalentPace * (1 + LabUplift);
        for (var i = _results.Count - 1; i >= 0; i--)
        {
            var result = _results[i];
            if (context.Random.Chance(Parameters.BreakthroughMonthly * (0.5 + result.Quality) * boost * pace))
            {
                _results.RemoveAt(i);
                var breakthrough = result.Advance(ChainStage.Breakthrough, 4, step);
                Breakthroughs++;
                breakthroughs++;
                Record(context, City, new ChainTransition(breakthrough, ChainStage.BasicResearch, ChainStage.Breakthrough, TransitionOutcome.Advanced, City, false, HolderKind.Institution, Index, Index));
                Exploit(context, breakthrough);
            }
            else if (context.Random.Chance(Parameters.BasicResearchAbandonMonthly))
            {
                _results.RemoveAt(i);
                Record(context, City, new ChainTransition(result, ChainStage.BasicResearch, ChainStage.BasicResearch, TransitionOutcome.Stalled, City, false, HolderKind.Institution, Index, Index));
            }
        }
        return breakthroughs;
    }

    private void Exploit(ActorContext<EcosystemMessage> context, in Technology breakthrough)
    {
        var incubatorPull = Math.Min(1.0, World.IncubatorPlaces(City) / 200.0) * Parameters.IncubatorSpinOffBoost;
        var spinOff = Parameters.SpinOffShare * (1 + incubatorPull) * (0.5 + breakthrough.Quality);
        if (World.Schedule.Any(PolicyType.IpOwnershipReform))
        {
            // Researchers who own their results start firms with them more often.
            spinOff *= 1 + World.Schedule.SpinOffUplift(context.Step, Definition.Key, City);
        }
        if (context.Random.Chance(spinOff))
        {
            var firm = ModelActors.FirmId(City, breakthrough.Field, (1L << 31) + ((long)Index << 20) + _spinOffs++);
            var cash = Parameters.StartUpCash * (0.5 + breakthrough.Quality);
            context.Create(firm, EcosystemMessage.Of(new Founding(breakthrough, City, Definition.Zone, breakthrough.Field, true, cash)));
            return;
        }
        var centre = World.ChooseTransferCentre(OfferingCity(context), breakthrough.Field, context.Step, ref context.Random);
        var centreCity = centre >= 0 ? World.Institutions[centre].City : City;
        if (centre < 0 || !Survives(context, World.PlaceOf(Index), World.PlaceOf(centre)))
        {
            Record(context, City, new ChainTransition(breakthrough, ChainStage.Breakthrough, ChainStage.Breakthrough, TransitionOutcome.Stalled, City, centre >= 0 && Cities.CrossesBorder(City, centreCity), HolderKind.Institution, Index, Index));
            return;
        }
        context.Send(ModelActors.InstitutionId(centre), EcosystemMessage.Of(MessageKind.LicenceOffer, new Deal(breakthrough.Crossing(City, centreCity), 0, Index, false)));
        RecordFlow(context, FlowKind.Technology, City, centreCity, 1);
    }

    /// <summary>The rise in breakthrough odds from this month's joint labs: an institution in several labs gains the largest once.</summary>
    private double LabUplift => _labs.Count == 0 ? 0 : _labs.Max(l => World.Schedule.Policies[l.Policy].Parameter("breakthroughUplift"));

    /// <summary>Where a breakthrough is offered for licence: at home, or (for part of a joint lab's) through the partner's side of the border.</summary>
    private City OfferingCity(ActorContext<EcosystemMessage> context)
    {
        if (_labs.Count == 0)
        {
            return City;
        }
        var (partner, policy) = _labs.Count == 1 ? _labs[0] : _labs[context.Random.NextInt(_labs.Count)];
        return context.Random.Chance(World.Schedule.Policies[policy].Parameter("partnerOfferShare")) ? World.Institutions[partner].City : City;
    }

    private void ApplyForFacilities(ActorContext<EcosystemMessage> context, double researchers)
    {
        var facilities = World.Facilities;
        if (facilities.Count == 0)
        {
            return;
        }
        ref var random = ref context.Random;
        var applications = random.Poisson(researchers * Parameters.FacilityApplicationsPerResearcher / 12);
        for (var i = 0; i < applications; i++)
        {
            var facility = World.ChooseFacility(ref random);
            var quality = (float)Math.Clamp(Definition.Quality + (0.15 * random.NextGaussian()), 0.02, 0.98);
            var proposal = new Technology(0, Definition.Sectors.Count > 0 ? Definition.Sectors[0] : Sector.NextGenerationIct, ChainStage.BasicResearch, 1, City, 0, quality, (int)context.Step, (int)context.Step, 0);
            context.Send(ModelActors.InstitutionId(facility), EcosystemMessage.Of(MessageKind.FacilityApplication, new Deal(proposal, 0, Index, false)));
        }
    }

    private int Graduate(ActorContext<EcosystemMessage> context)
    {
        ref var random = ref context.Random;
        var graduates = random.StochasticRound(Scaled(Definition.GraduatesPerYear) * Parameters.GraduateResearchShare / 12);
        if (graduates == 0)
        {
            return 0;
        }
        var field = Definition.Sectors.Count > 0 && random.Chance(Parameters.GraduateFieldConcentration)
            ? Definition.Sectors[random.NextInt(Definition.Sectors.Count)]
            : (Sector)random.NextInt(Sectors.Count);
        context.Send(ModelActors.CityId(City), EcosystemMessage.Of(MessageKind.Talent, new TalentFlow(TalentMove.Graduate, field, TalentLevel.Graduate, City, City, graduates)));
        return graduates;
    }

    private long NextTechnologyId() => TechnologyIds.Make(Index, checked((uint)++_serial));

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_results);
        writer.WriteList(_projectsUntil);
        writer.Write(_serial);
        writer.Write(_spinOffs);
        writer.Write(_seededUnrecorded);
        writer.Write(Researchers);
        writer.Write(FundedResearchers);
        writer.Write(ResultsProduced);
        writer.Write(Breakthroughs);
        writer.Write(GrantsReceived);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_results);
        reader.ReadList(_projectsUntil);
        _serial = reader.Read<long>();
        _spinOffs = reader.Read<long>();
        _seededUnrecorded = reader.Read<int>();
        Researchers = reader.Read<double>();
        FundedResearchers = reader.Read<double>();
        ResultsProduced = reader.Read<long>();
        Breakthroughs = reader.Read<long>();
        GrantsReceived = reader.Read<double>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("researchers", Researchers);
        writer.Write("fundedResearchers", FundedResearchers);
        writer.Write("grantsReceived", GrantsReceived);
        writer.BeginObject("facilityProjectsUntil");
        for (var i = 0; i < _projectsUntil.Count; i++)
        {
            writer.Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _projectsUntil[i]);
        }
        writer.EndObject();
        writer.Write("resultsProduced", ResultsProduced);
        writer.Write("breakthroughs", Breakthroughs);
        writer.Write("spinOffs", _spinOffs);
        writer.Write("resultsInProgress", _results.Count);
        if (World.Schedule.Any(PolicyType.JointLab))
        {
            writer.Write("jointLabs", _labs.Count);
        }
    }
}
