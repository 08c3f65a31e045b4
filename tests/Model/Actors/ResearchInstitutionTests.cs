using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class ResearchInstitutionTests
{
    private const City Home = City.Shenzhen;

    /// <summary>A transfer centre (index 0) and a university (index 1) in Shenzhen working in one field.</summary>
    private static WorldDefinition Lab(ModelParameters parameters, int researchers) => TestWorlds.Only(
        parameters,
        TestWorlds.Institution("ttc", InstitutionKind.TechnologyTransferCentre, Home, capacity: 10),
        TestWorlds.Institution("lab", InstitutionKind.University, Home, researchers: researchers, quality: 0.6, sectors: [Sector.ArtificialIntelligence]));

    private static readonly ModelParameters NoSpinOffs = ModelParameters.Default with { SpinOffShare = 0 };

    private static IReadOnlyList<InstitutionReport> Reports(ActorHarness harness) =>
        harness.Probe(ActorHarness.CityId(Home)).Of(MessageKind.InstitutionReport).Select(m => m.Message.InstitutionReport).ToArray();

    private static EcosystemMessage Grant(double amount) =>
        EcosystemMessage.Of(new CapitalFlow(CapitalPurpose.Grant, ChainStage.BasicResearch, City.Guangzhou, 0, amount, 0));

    [Fact]
    public void Institution_produces_results_at_researchers_times_results_per_researcher_a_year()
    {
        const int months = 24;
        var harness = new ActorHarness(Lab(NoSpinOffs, researchers: 5000));
        var lab = harness.AddInstitution<ResearchInstitution>("lab");

        harness.Run(months);
        var produced = lab.ResultsProduced;
        harness.Run();

        var expected = lab.Researchers * harness.Parameters.ResultsPerResearcher * months / 12;
        Assert.InRange(produced, expected * 0.85, expected * 1.15);
        Assert.Equal(produced, Reports(harness).Sum(r => r.Results));
        var entered = harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition)
            .Select(m => m.Message.Transition)
            .Count(t => t.To == ChainStage.BasicResearch && t.Outcome == TransitionOutcome.Advanced && t.Holder == harness.IndexOf("lab"));
        Assert.Equal(produced, entered);
    }

    [Fact]
    public void Grant_raises_funded_researchers_and_output()
    {
        static (ResearchInstitution Lab, double FirstMonth, long Results) Run(double grant)
        {
            var harness = new ActorHarness(Lab(NoSpinOffs, researchers: 5000), seed: 3);
            var lab = harness.AddInstitution<ResearchInstitution>("lab");
            if (grant > 0)
            {
                harness.Post(harness.InstitutionId("lab"), Grant(grant));
            }
            harness.Run();
            var firstMonth = lab.FundedResearchers;
            harness.Run(11);
            return (lab, firstMonth, lab.ResultsProduced);
        }

        var parameters = NoSpinOffs;
        var grant = 3 * 5000 * parameters.ResearcherAnnualCost;
        var baseline = Run(0);
        var funded = Run(grant);

        Assert.Equal(0, baseline.Lab.FundedResearchers);
        Assert.Equal(grant, funded.Lab.GrantsReceived);
        Assert.Equal(0, funded.Lab.Income);
        Assert.True(funded.FirstMonth > 0);
        // Grant-funded researchers leave as the grant runs down, 1/GrantMonths a month.
        Assert.Equal(funded.FirstMonth * Math.Pow(1 - (1.0 / parameters.GrantMonths), 11), funded.Lab.FundedResearchers, 6);
        Assert.True(funded.Results > baseline.Results * 1.5, $"{funded.Results} results with the grant, {baseline.Results} without");
    }

    [Fact]
    public void Income_other_than_grants_hires_no_researchers()
    {
        var harness = new ActorHarness(Lab(NoSpinOffs, researchers: 1000));
        var lab = harness.AddInstitution<ResearchInstitution>("lab");
        harness.Post(harness.InstitutionId("lab"), EcosystemMessage.Of(new CapitalFlow(CapitalPurpose.LicenceFee, ChainStage.Transformation, Home, -1, 2e6, 7)));

        harness.Run();

        Assert.Equal(2e6, lab.Income);
        Assert.Equal(0, lab.FundedResearchers);
        Assert.Equal(0, lab.GrantsReceived);
    }

    [Fact]
    public void Grant_buys_as_many_researcher_years_as_it_pays_for()
    {
        var harness = new ActorHarness(Lab(NoSpinOffs, researchers: 100));
        var lab = harness.AddInstitution<ResearchInstitution>("lab");
        var grant = 10 * harness.Parameters.ResearcherAnnualCost;
        harness.Post(harness.InstitutionId("lab"), Grant(grant));

        var researcherMonths = 0.0;
        for (var month = 0; month < 20 * harness.Parameters.GrantMonths; month++)
        {
            harness.Run();
            researcherMonths += lab.FundedResearchers;
        }

        var affordable = grant / harness.Parameters.ResearcherAnnualCost;
        Assert.InRange(researcherMonths / 12, affordable * 0.9, affordable * 1.1);
    }

    [Fact]
    public void Facility_projects_raise_productivity_with_the_share_of_staff_they_occupy_for_their_months()
    {
        const int researchers = 40_000;
        static long[] Run(int projects)
        {
            var harness = new ActorHarness(Lab(NoSpinOffs, researchers), seed: 9);
            var lab = harness.AddInstitution<ResearchInstitution>("lab");
            for (var i = 0; i < projects; i++)
            {
                harness.Post(harness.InstitutionId("lab"), EcosystemMessage.Of(MessageKind.FacilityGrant, new Deal(default, harness.Parameters.FacilityProjectMonths, 5, true)));
            }
            harness.Run(1);
            Assert.Equal(projects, lab.FacilityProjects);
            harness.Run(19);
            Assert.Equal(0, lab.FacilityProjects);
            return Reports(harness).Select(r => (long)r.Results).ToArray();
        }

        var p = ModelParameters.Default;
        var months = p.FacilityProjectMonths;
        // Enough projects to occupy half the staff: half the boost.
        var half = (int)(researchers / 2 / p.FacilityProjectTeam);
        var (none, one, many) = (Run(0), Run(1), Run(half));
        double During(long[] results) => results.Take(months).Sum();
        double After(long[] results) => results.Skip(months).Sum();

        Assert.InRange(During(one) / During(none), 0.95, 1.05);
        Assert.InRange(During(many) / During(none), 1 + (p.FacilityProductivityBoost / 2) - 0.06, 1 + (p.FacilityProductivityBoost / 2) + 0.06);
        Assert.InRange(After(many) / After(none), 0.93, 1.07);
    }

    [Fact]
    public void Breakthroughs_are_offered_to_a_transfer_centre()
    {
        // Every result breaks through the month it is found; none is spun off.
        var parameters = NoSpinOffs with { BreakthroughMonthly = 2 };
        var harness = new ActorHarness(Lab(parameters, researchers: 2000));
        var lab = harness.AddInstitution<ResearchInstitution>("lab");

        harness.Run(6);
        var breakthroughs = lab.Breakthroughs;
        Assert.Equal(lab.ResultsProduced, breakthroughs);
        harness.Run();

        Assert.True(breakthroughs > 0);
        var offers = harness.Probe(harness.InstitutionId("ttc")).Of(MessageKind.LicenceOffer).Select(m => m.Message.Deal).ToArray();
        Assert.Equal(breakthroughs, offers.Length);
        Assert.All(offers, offer =>
        {
            Assert.Equal(harness.IndexOf("lab"), offer.Counterpart);
            Assert.Equal(ChainStage.Breakthrough, offer.Technology.Stage);
            Assert.Equal(Sector.ArtificialIntelligence, offer.Technology.Field);
            Assert.Equal(Home, offer.Technology.Origin);
        });
        Assert.Equal(breakthroughs, offers.Select(o => o.Technology.Id).Distinct().Count());
        var advanced = harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition)
            .Count(m => m.Message.Transition.To == ChainStage.Breakthrough && m.Message.Transition.Outcome == TransitionOutcome.Advanced);
        Assert.Equal(breakthroughs, advanced);
        Assert.Empty(harness.Firms());
    }

    [Fact]
    public void Breakthroughs_spun_off_found_firms_that_hold_the_technology()
    {
        var parameters = ModelParameters.Default with { BreakthroughMonthly = 2, SpinOffShare = 5 };
        var harness = new ActorHarness(Lab(parameters, researchers: 2000));
        var lab = harness.AddInstitution<ResearchInstitution>("lab");

        harness.Run(3);
        var spunOff = lab.Breakthroughs;
        // Step 3 activates the firms founded in step 2; step 4 delivers their first transitions to the ledger.
        harness.Run(2);

        Assert.True(spunOff > 0);
        Assert.Empty(harness.Probe(harness.InstitutionId("ttc")).Of(MessageKind.LicenceOffer));
        var firms = harness.Firms().Where(f => f.Firm.BornStep <= 3).ToArray();
        Assert.Equal(spunOff, firms.Length);
        Assert.All(firms, f =>
        {
            Assert.True(f.Firm.Founded);
            Assert.Equal(Home, f.Firm.City);
            Assert.Equal(Sector.ArtificialIntelligence, f.Firm.Sector);
            Assert.Equal(FirmStage.StartUp, f.Firm.Stage);
        });
        var taken = harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition)
            .Select(m => m.Message.Transition)
            .Where(t => t.HolderKind == HolderKind.Firm && t.From == ChainStage.Breakthrough && t.To == ChainStage.ProofOfConcept)
            .ToArray();
        Assert.All(taken, t => Assert.Equal(harness.IndexOf("lab"), t.Counterpart));
        Assert.Equal(firms.Select(f => f.Id.Key).Order(), taken.Select(t => t.Holder).Order());
    }
}
