using GbaSim.Engine.Scenarios;
using GbaSim.Engine.Worlds;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Tests.Scenarios;

public sealed class WorldLoaderTests
{
    private const string WorldPath = "world.yaml";

    private static readonly string TinyText = File.ReadAllText(Fixtures.TinyWorld);

    private static IReadOnlyList<ScenarioError> ErrorsOf(string text) =>
        Assert.Throws<ScenarioValidationException>(() => WorldLoader.Parse(text, WorldPath)).Errors;

    /// <summary>The tiny world with one piece of text replaced, and where the error about it is expected.</summary>
    private static ScenarioError SingleErrorAfterReplacing(string oldText, string newText, int line, int column)
    {
        Assert.Contains(oldText, TinyText, StringComparison.Ordinal);
        return Fixtures.SingleErrorIn(ErrorsOf(TinyText.Replace(oldText, newText, StringComparison.Ordinal)), Path.GetFullPath(WorldPath), line, column);
    }

    [Fact]
    public void Valid_world_loads_cities_in_city_order_institutions_links_and_parameters()
    {
        var world = WorldLoader.Load(Fixtures.TinyWorld);

        Assert.Equal("tiny", world.Name);
        Assert.Equal(Cities.All, world.Cities.Select(c => c.City));
        var shenzhen = world.Cities[(int)City.Shenzhen];
        Assert.Equal(1800, shenzhen.Talent);
        Assert.Equal([0.35, 0.5, 0.15], shenzhen.TalentLevelShares);
        Assert.Equal(21000, shenzhen.MonthlyWage);
        Assert.Equal(1.25, shenzhen.LivingCost);
        Assert.Equal(210, shenzhen.Firms);
        Assert.Equal(Sectors.Count, shenzhen.SectorShares.Count);
        Assert.Equal(0.2, shenzhen.SectorShares[(int)Sector.IntegratedCircuits]);
        Assert.Equal(0, shenzhen.SectorShares[(int)Sector.Marine]);
        Assert.Equal(0.05, shenzhen.ZoneShares[Zone.Qianhai]);

        Assert.Equal(["hkust", "hetao-transfer", "qianhai-fund"], world.Institutions.Select(i => i.Key));
        var hkust = world.Institutions[0];
        Assert.Equal((InstitutionKind.University, City.HongKong, Zone.None, 1500, 0.8, 3000), (hkust.Kind, hkust.City, hkust.Zone, hkust.Researchers, hkust.Quality, hkust.GraduatesPerYear));
        Assert.Equal([Sector.NextGenerationIct, Sector.ArtificialIntelligence], hkust.Sectors);
        Assert.Empty(hkust.Stages);
        var fund = world.Institutions[2];
        Assert.Equal((5e9, 0.5, 0.0), (fund.Capital, fund.Quality, fund.FeeRate));
        Assert.Equal(Sectors.All, fund.Sectors);
        Assert.Equal([ChainStage.Financing], fund.Stages);

        var link = world.Links[0];
        Assert.Equal((City.Shenzhen, City.HongKong, "guangzhou-shenzhen-hong-kong", 0.5, 0.12, 2, 0.10, 0.08),
            (link.A, link.B, link.Corridor, link.TravelHours, link.TalentLoss, link.TalentDelayMonths, link.TechnologyLoss, link.CapitalLoss));
        Assert.Equal("", world.Links[1].Corridor);

        Assert.Equal(0.07, world.Parameters.ResultsPerResearcher);
        Assert.Equal(24, world.Parameters.GrantMonths);
        // Parameters the file leaves out keep their defaults.
        Assert.Equal(GbaSim.Model.World.ModelParameters.Default.BreakthroughMonthly, world.Parameters.BreakthroughMonthly);
    }

    [Fact]
    public void Missing_city_is_reported_at_the_cities_list()
    {
        var text = TinyText[..TinyText.IndexOf("  - name: Macao", StringComparison.Ordinal)] + TinyText[TinyText.IndexOf("institutions:", StringComparison.Ordinal)..];

        var error = Fixtures.SingleErrorIn(ErrorsOf(text), Path.GetFullPath(WorldPath), 8, 3);

        Assert.Equal("'cities' lacks Macao; each of the 11 cities must be listed once", error.Message);
    }

    [Fact]
    public void City_listed_twice_is_reported_at_the_second_and_the_city_it_displaced_as_missing()
    {
        var errors = ErrorsOf(TinyText.Replace("- name: Macao", "- name: Zhuhai", StringComparison.Ordinal));

        Assert.Equal(
            [(8, 3, "'cities' lacks Macao; each of the 11 cities must be listed once"), (80, 11, "city 'Zhuhai' is listed twice (first at line 24)")],
            errors.Select(e => (e.Location.Line, e.Location.Column, e.Message)));
    }

    [Fact]
    public void Sector_shares_not_summing_to_one_are_reported()
    {
        var error = SingleErrorAfterReplacing("sectors: { ict: 0.6, ic: 0.2, ai: 0.2 }", "sectors: { ict: 0.6, ic: 0.2 }", 22, 5);

        Assert.Equal("'sectors' shares must sum to 1, not 0.8", error.Message);
    }

    [Fact]
    public void Zone_of_another_city_is_reported()
    {
        var error = SingleErrorAfterReplacing("zones: { nansha: 0.1 }", "zones: { qianhai: 0.1 }", 15, 14);

        Assert.Equal("zone 'qianhai' is in Shenzhen, not Guangzhou", error.Message);
    }

    [Fact]
    public void Talent_levels_need_exactly_three_shares()
    {
        var error = SingleErrorAfterReplacing("talentLevels: [0.35, 0.5, 0.15]", "talentLevels: [0.5, 0.5]", 18, 19);

        Assert.Equal("'talentLevels' must have 3 shares (graduate, professional, senior), not 2", error.Message);
    }

    [Fact]
    public void Unknown_model_parameter_is_reported_with_a_suggestion_and_the_known_names()
    {
        var error = SingleErrorAfterReplacing("resultsPerResearcher:", "resultPerResearcher:", 5, 3);

        Assert.Equal("unknown model parameter 'resultPerResearcher'", error.Message);
        Assert.StartsWith("did you mean 'resultsPerResearcher'? model parameters: firmTalentMedian, ", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_number_model_parameter_rejects_a_fraction()
    {
        var error = SingleErrorAfterReplacing("grantMonths: 24", "grantMonths: 24.5", 6, 16);

        Assert.Equal("'grantMonths' must be a whole number, not '24.5'", error.Message);
    }

    [Fact]
    public void Institution_key_must_be_lower_case_and_unique()
    {
        var errors = ErrorsOf(TinyText
            .Replace("key: hetao-transfer", "key: Hetao_Transfer", StringComparison.Ordinal)
            .Replace("key: qianhai-fund", "key: hkust", StringComparison.Ordinal));

        Assert.Equal(
            ["institution key 'Hetao_Transfer' may hold only lower-case letters, digits and '-'", "institution key 'hkust' is already used at line 88"],
            errors.Select(e => e.Message));
        Assert.Equal([(96, 10), (104, 10)], errors.Select(e => (e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public void Institution_quality_must_be_strictly_between_zero_and_one()
    {
        var error = SingleErrorAfterReplacing("quality: 0.8", "quality: 1", 93, 14);

        Assert.Equal("'quality' must be in (0, 1), not 1", error.Message);
    }

    [Fact]
    public void Link_given_twice_in_either_order_is_reported()
    {
        var error = SingleErrorAfterReplacing("between: [Zhuhai, Macao]", "between: [Hong Kong, Shenzhen]", 119, 14);

        Assert.Equal("the link between Hong Kong and Shenzhen is already given at line 112", error.Message);
    }

    [Fact]
    public void Link_loss_of_one_or_more_is_reported()
    {
        var error = SingleErrorAfterReplacing("talentLoss: 0.12", "talentLoss: 1", 115, 17);

        Assert.Equal("'talentLoss' must be in [0, 1), not 1", error.Message);
    }

    [Fact]
    public void Missing_world_file_is_reported()
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => WorldLoader.Load("no-such-world.yaml")).Errors;

        Assert.Contains("does not exist", Assert.Single(errors).Message);
    }
}
