using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Model.World;

/// <summary>
/// The world as grains see it during a run: read-only facts (cities, institutions, links,
/// parameters, policies) and the routes grains use to find each other's services, such as the
/// transfer centre a firm's city turns to. Shared by every grain; never changed after creation.
/// </summary>
public sealed partial class WorldModel
{
    private readonly LinkTerms[,] _links = new LinkTerms[Cities.Count, Cities.Count];
    private readonly Dictionary<string, int> _institutionIndex;
    private readonly int[][] _transferCentres;
    private readonly int[][] _pilotPlatforms;
    private readonly int[][] _proofCentres;
    private readonly int[][][] _fundsByStage;
    private readonly int[][] _incubators;
    private readonly int[] _dataExchanges;
    private readonly (Place Place, double Room)[][] _relocationPlaces;
    private readonly double[] _incubatorPlaces = new double[Cities.Count];

    public WorldModel(WorldDefinition definition, double scale, IReadOnlyList<PolicySpec> policies, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Parameters = definition.Parameters;
        Scale = scale;
        Seed = seed;
        Schedule = new PolicySchedule(policies);
        CityDefinitions = Cities.All.Select(c => definition.Cities.First(d => d.City == c)).ToArray();
        Institutions = definition.Institutions;
        _institutionIndex = Institutions.Select((inst, i) => (inst.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

        foreach (var a in Cities.All)
        {
            foreach (var b in Cities.All)
            {
                _links[(int)a, (int)b] = a == b
                    ? default
                    : new LinkTerms(3, Parameters.DefaultTalentLoss, 0, Parameters.DefaultTechnologyLoss, Parameters.DefaultCapitalLoss, Parameters.DefaultTechnologyLoss, Parameters.DefaultTechnologyLoss);
            }
        }
        foreach (var link in definition.Links)
        {
            var terms = link.Terms.Scaled(CorridorFactor(definition, link.Corridor));
            _links[(int)link.A, (int)link.B] = terms;
            _links[(int)link.B, (int)link.A] = terms;
        }
        _zoneLinks = ZoneLinksOf(definition);
        _placeShares = [.. CityDefinitions.Select(PlaceShares)];

        _transferCentres = RoutesTo(InstitutionKind.TechnologyTransferCentre);
        _pilotPlatforms = RoutesTo(InstitutionKind.PilotPlatform);
        _proofCentres = RoutesTo(InstitutionKind.ProofOfConceptCentre);
        // Firms ask for funds every month while financing; the routes are worked out once here.
        _fundsByStage = Cities.All
            .Select(c => Nearest(c, i => Institutions[i].Kind.IsFund()))
            .Select(funds => ChainStages.All.Select(stage => funds.Where(i => Institutions[i].Stages.Count == 0 || Institutions[i].Stages.Contains(stage)).ToArray()).ToArray())
            .ToArray();
        _incubators = Cities.All.Select(c => Nearest(c, i => Institutions[i].Kind == InstitutionKind.Incubator && Institutions[i].City == c)).ToArray();
        foreach (var inst in Institutions.Where(i => i.Kind == InstitutionKind.Incubator))
        {
            _incubatorPlaces[(int)inst.City] += inst.Capacity;
        }
        _dataExchanges = [.. RoutesTo(InstitutionKind.DataExchange).Select(nearest => nearest.Length > 0 ? nearest[0] : -1)];
        _relocationPlaces = [.. Enum.GetValues<Territory>().Select(RelocationPlacesIn)];
        ResearchInstitutions = Enumerable.Range(0, Institutions.Count).Where(i => Institutions[i].Kind.DoesResearch()).ToArray();
        Facilities = Enumerable.Range(0, Institutions.Count).Where(i => Institutions[i].Kind == InstitutionKind.MajorFacility).ToArray();
    }

    public WorldDefinition Definition { get; }

    public ModelParameters Parameters { get; }

    /// <summary>Share of the firm population simulated; institutions' sizes and budgets scale with it.</summary>
    public double Scale { get; }

    public ulong Seed { get; }

    public PolicySchedule Schedule { get; }

    public IReadOnlyList<CityDefinition> CityDefinitions { get; }

    public IReadOnlyList<InstitutionDefinition> Institutions { get; }

    public IReadOnlyList<int> ResearchInstitutions { get; }

    public IReadOnlyList<int> Facilities { get; }

    public CityDefinition CityOf(City city) => CityDefinitions[(int)city];

    public LinkTerms Link(City a, City b) => _links[(int)a, (int)b];

    /// <summary>Where institution <paramref name="index"/> sits: its city and zone.</summary>
    public Place PlaceOf(int index) => new(Institutions[index].City, Institutions[index].Zone);

    public bool TryFindInstitution(string key, out int index) => _institutionIndex.TryGetValue(key, out index);

    public double MonthlyLabourCost(City city) => CityDefinitions[(int)city].MonthlyWage * (1 + Parameters.WageOverhead);

    /// <summary>
    /// The transfer centre an institution offers a breakthrough to, or a firm asks for one: any centre serving the field,
    /// drawn in proportion to its capacity, discounted by travel time and by the share of
    /// technology the link loses (so facilitation policies draw more offers across the border).
    /// </summary>
    public int ChooseTransferCentre(City city, Sector field, long step, ref GbaSim.Kernel.Determinism.RandomStream random)
    {
        var candidates = _transferCentres[(int)city];
        if (candidates.Length == 0)
        {
            return -1;
        }
        Span<double> weights = stackalloc double[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var centre = Institutions[candidates[i]];
            var serves = centre.Sectors.Count == 0 || centre.Sectors.Contains(field) ? 1.0 : 0.2;
            var link = Link(city, centre.City);
            var loss = link.TechnologyLoss * Schedule.FrictionFactor(step, city, centre.City, FlowKind.Technology);
            // Production happens mostly in Guangdong, so fewer deals are struck in Hong Kong and Macao.
            var production = centre.City.IsHongKongOrMacao() ? Parameters.HongKongMacaoProductionFactor : 1.0;
            weights[i] = Math.Max(centre.Capacity, 1) * serves * production * Math.Max(0.02, 1 - (3 * loss)) / (1 + link.TravelHours);
        }
        return candidates[GbaSim.Model.Sampling.RandomDraws.Pick(ref random, weights)];
    }

    /// <summary>
    /// A research institution a firm of <paramref name="city"/> works with on a project in
    /// <paramref name="field"/>: drawn by researchers and quality, favouring those serving the
    /// field and those near at hand.
    /// </summary>
    public int ChooseResearchPartner(City city, Sector field, ref GbaSim.Kernel.Determinism.RandomStream random)
    {
        Span<double> weights = stackalloc double[ResearchInstitutions.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var institution = Institutions[ResearchInstitutions[i]];
            var serves = institution.Sectors.Count == 0 || institution.Sectors.Contains(field) ? 1.0 : 0.2;
            weights[i] = Math.Max(1, institution.Researchers) * institution.Quality * serves / (1 + Link(city, institution.City).TravelHours);
        }
        return ResearchInstitutions.Count == 0 ? -1 : ResearchInstitutions[GbaSim.Model.Sampling.RandomDraws.Pick(ref random, weights)];
    }

    /// <summary>A major facility to apply to, drawn in proportion to the user projects it offers.</summary>
    public int ChooseFacility(ref GbaSim.Kernel.Determinism.RandomStream random)
    {
        Span<double> weights = stackalloc double[Facilities.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Max(1, Institutions[Facilities[i]].Capacity);
        }
        return Facilities[GbaSim.Model.Sampling.RandomDraws.Pick(ref random, weights)];
    }

    /// <summary>The pilot platform a firm in <paramref name="city"/> asks to test a technology of <paramref name="field"/>, or -1.</summary>
    public int PilotPlatformFor(City city, Sector field) => FirstServing(_pilotPlatforms[(int)city], field);

    /// <summary>The data exchange a firm in <paramref name="city"/> trades on (the nearest), or -1 when the world has none.</summary>
    public int DataExchangeFor(City city) => _dataExchanges[(int)city];

    /// <summary>The places a firm of <paramref name="territory"/> may move to, each with its room: its share of its city's firms.</summary>
    public IReadOnlyList<(Place Place, double Room)> RelocationPlaces(Territory territory) => _relocationPlaces[(int)territory];

    /// <summary>The proof-of-concept centre a firm in <paramref name="city"/> asks to prove a technology of <paramref name="field"/>, or -1.</summary>
    public int ProofCentreFor(City city, Sector field) => FirstServing(_proofCentres[(int)city], field);

    /// <summary>Funds that finance <paramref name="stage"/>, nearest first, as seen from <paramref name="city"/>.</summary>
    public IReadOnlyList<int> FundsFor(City city, ChainStage stage) => _fundsByStage[(int)city][(int)stage];

    /// <summary>An incubator of the city, drawn in proportion to its places, or -1 if the city has none.</summary>
    public int IncubatorFor(City city, ref GbaSim.Kernel.Determinism.RandomStream random)
    {
        var candidates = _incubators[(int)city];
        if (candidates.Length == 0)
        {
            return -1;
        }
        Span<double> weights = stackalloc double[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            weights[i] = Math.Max(1, Institutions[candidates[i]].Capacity);
        }
        return candidates[GbaSim.Model.Sampling.RandomDraws.Pick(ref random, weights)];
    }

    /// <summary>Incubator places in a city before scaling: more places, more spin-offs.</summary>
    public double IncubatorPlaces(City city) => _incubatorPlaces[(int)city];

    /// <summary>The name of a grain's key, for messages and inspection (e.g. "Shenzhen", "hkust", "sz-ict-00042").</summary>
    public string CityName(long key) => ((City)key).DisplayName();

    public string InstitutionName(long key) => key >= 0 && key < Institutions.Count ? Institutions[(int)key].Key : key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string PolicyName(long key) => key >= 0 && key < Schedule.Policies.Count ? Schedule.Policies[(int)key].Name : key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private (Place, double)[] RelocationPlacesIn(Territory territory) => [.. CityDefinitions
        .Where(c => c.City.TerritoryOf() == territory)
        .SelectMany(c => c.ZoneShares
            .Where(z => z.Key != Zone.None && z.Value > 0)
            .OrderBy(z => z.Key)
            .Select(z => (new Place(c.City, z.Key), z.Value))
            .Prepend((Place.Of(c.City), Math.Max(0, 1 - c.ZoneShares.Where(z => z.Key != Zone.None).Sum(z => z.Value)))))];

    private int[][] RoutesTo(InstitutionKind kind) => Cities.All.Select(c => Nearest(c, i => Institutions[i].Kind == kind)).ToArray();

    private int FirstServing(int[] candidates, Sector field)
    {
        foreach (var i in candidates)
        {
            if (Institutions[i].Sectors.Count == 0 || Institutions[i].Sectors.Contains(field))
            {
                return i;
            }
        }
        return candidates.Length > 0 ? candidates[0] : -1;
    }

    /// <summary>Institutions matching <paramref name="filter"/>, same city first, then same territory, then by travel time.</summary>
    private int[] Nearest(City from, Func<int, bool> filter) => Enumerable.Range(0, Institutions.Count)
        .Where(filter)
        .OrderBy(i => Institutions[i].City == from ? 0 : Institutions[i].City.TerritoryOf() == from.TerritoryOf() ? 1 : 2)
        .ThenBy(i => Link(from, Institutions[i].City).TravelHours)
        .ThenBy(i => i)
        .ToArray();
}
