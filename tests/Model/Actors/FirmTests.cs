using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Tests.Model.Actors;

public sealed class FirmTests
{
    private const City Home = City.Guangzhou;
    private const Sector Field = Sector.NextGenerationIct;
    private static readonly ActorId Established = ModelActors.FirmId(Home, Field, 0);
    private static readonly ActorId SpinOff = ModelActors.FirmId(Home, Field, 1L << 31);

    /// <summary>No firm closes by chance, and no concept is proven or dropped but by a centre's answer.</summary>
    private static readonly ModelParameters Steady = ModelParameters.Default with { FirmExitRate = 0, StartUpExitRate = 0, SelfProofMonthly = 0, ProofAbandonMonthly = 0 };

    private static FirmProfile Profile(City city = Home, FirmStage stage = FirmStage.Growth, int bornStep = -60, int talent = 20, double cash = 5e7, int products = 1, bool highTech = true) =>
        new(city, Zone.None, Field, stage, bornStep, talent, cash, products, products * 0.6, highTech);

    private static EcosystemMessage Licensed(Technology technology, double price, int licensor) =>
        EcosystemMessage.Of(MessageKind.Licensed, new Deal(technology, price, licensor, true));

    /// <summary>
    /// A spin-off of sysu founded in step 0 holding a technology; in step 1 it is set up and, with
    /// no proof-of-concept centre in the fixture world, proves the concept itself; in step 2 an
    /// answer proving it arrives and the firm asks the Guangzhou pilot platform to test it.
    /// </summary>
    private static (Firm Firm, Technology Technology) SpinOffInPilot(ActorHarness harness, float quality = 0.6f)
    {
        var technology = TestTechnologies.Make(7L << 32 | 1, Field, quality);
        harness.AddProbe(harness.InstitutionId("sysu")).Send(SpinOff, EcosystemMessage.Of(new Founding(technology, Home, Zone.None, Field, true, 5e6)));
        harness.Run(2);
        var firm = harness.Actor<Firm>(SpinOff);
        Assert.Equal((PipelineStep.SelfProving, ChainStage.ProofOfConcept), (Assert.Single(firm.Pipeline).Step, firm.Pipeline[0].Technology.Stage));
        harness.Post(SpinOff, PilotResult(technology, 0, success: true));
        harness.Run();
        Assert.Equal((PipelineStep.InPilot, ChainStage.Transformation), (Assert.Single(firm.Pipeline).Step, firm.Pipeline[0].Technology.Stage));
        return (firm, technology);
    }

    private static EcosystemMessage PilotResult(Technology technology, double amount, bool success) =>
        EcosystemMessage.Of(MessageKind.PilotResult, new Deal(technology, amount, 12, success));

    private static IReadOnlyList<ChainTransition> Transitions(ActorHarness harness, ActorId firm) =>
        harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Transition).Select(m => m.Message.Transition).Where(t => t.Holder == firm.Key).ToArray();

    [Fact]
    public void Firm_pays_its_licensor_and_the_centre_fee_on_a_licence()
    {
        const double price = 2_000_000;
        ActorHarness Harness(bool licensed)
        {
            var harness = new ActorHarness(TestWorlds.With(Steady), seed: 4);
            harness.AddFirm(Established, Profile());
            var centre = harness.AddProbe(harness.InstitutionId("gz-ttc"));
            if (licensed)
            {
                centre.Send(Established, Licensed(TestTechnologies.Make(77, Field, 0.7f), price, harness.IndexOf("sysu")));
            }
            return harness;
        }

        var unlicensed = Harness(licensed: false);
        var harness = Harness(licensed: true);
        // The centre sends the licence in step 0; the firm takes it and pays in step 1.
        unlicensed.Run(2);
        harness.Run(2);

        var fee = price * harness.World.Institutions[harness.IndexOf("gz-ttc")].FeeRate;
        Assert.Equal(unlicensed.Actor<Firm>(Established).Cash - price - fee, harness.Actor<Firm>(Established).Cash, 3);
        var item = Assert.Single(harness.Actor<Firm>(Established).Pipeline);
        Assert.Equal((77L, ChainStage.ProofOfConcept, (long)harness.IndexOf("sysu")), (item.Technology.Id, item.Technology.Stage, item.Source));
        harness.Run();

        var paid = Assert.Single(harness.Probe(harness.InstitutionId("sysu")).Of(MessageKind.Capital)).Message.Capital;
        Assert.Equal((CapitalPurpose.LicenceFee, 77L, Home), (paid.Purpose, paid.TechnologyId, paid.From));
        Assert.Equal(price, paid.Amount);
        var serviceFee = Assert.Single(harness.Probe(harness.InstitutionId("gz-ttc")).Of(MessageKind.Capital)).Message.Capital;
        Assert.Equal(CapitalPurpose.ServiceFee, serviceFee.Purpose);
        Assert.Equal(fee, serviceFee.Amount, 6);
        var taken = Assert.Single(Transitions(harness, Established));
        Assert.Equal((ChainStage.Breakthrough, ChainStage.ProofOfConcept, TransitionOutcome.Advanced), (taken.From, taken.To, taken.Outcome));
        Assert.Equal(harness.IndexOf("sysu"), taken.Counterpart);
    }

    [Fact]
    public void Firm_pays_a_licensor_across_the_border_less_the_link_capital_loss()
    {
        const double price = 1_500_000;
        var harness = new ActorHarness(TestWorlds.With(Steady));
        harness.AddFirm(Established, Profile());
        harness.AddProbe(harness.InstitutionId("gz-ttc")).Send(Established, Licensed(TestTechnologies.Make(78, Field, 0.5f, origin: City.HongKong), price, harness.IndexOf("hku")));

        harness.Run(3);

        var paid = Assert.Single(harness.Probe(harness.InstitutionId("hku")).Of(MessageKind.Capital)).Message.Capital;
        Assert.Equal(price * (1 - harness.World.Link(Home, City.HongKong).CapitalLoss), paid.Amount, 6);
        var flow = harness.Probe(ActorHarness.LedgerId(Home)).Of(MessageKind.Flow).Select(m => m.Message.Flow).Single(f => f.To == City.HongKong);
        Assert.Equal(new FlowRecord(FlowKind.Capital, Home, City.HongKong, price), flow);
        Assert.True(Transitions(harness, Established).Single().CrossedBorder);
    }

    [Fact]
    public void Firm_with_no_cash_closes_after_distress_months_and_releases_its_talent_to_the_city()
    {
        const int talent = 30;
        var harness = new ActorHarness(TestWorlds.With(Steady));
        var firm = harness.AddFirm(Established, Profile(talent: talent, cash: -1e8, products: 0));
        var months = harness.Parameters.DistressMonthsToClose;

        harness.Run(months - 1);
        Assert.False(firm.Closed);
        harness.Run();
        Assert.True(firm.Closed);
        Assert.Equal(0, firm.Talent);
        harness.Run(3);

        var city = harness.Probe(ActorHarness.CityId(Home));
        var released = city.Of(MessageKind.Talent).Where(m => m.Sender == Established).Select(m => m.Message.Talent).ToArray();
        Assert.All(released, t => Assert.Equal((TalentMove.Migrate, Field, Home, Home), (t.Move, t.Field, t.From, t.To)));
        Assert.Equal(talent, released.Sum(t => t.Count));
        var reports = city.Of(MessageKind.FirmReport).Select(m => m.Message.FirmReport).ToArray();
        Assert.Equal(months, reports.Length);
        Assert.Equal(FirmStatus.Closed, reports[^1].Status & FirmStatus.Closed);
        Assert.All(reports[..^1], r => Assert.Equal(FirmStatus.None, r.Status & FirmStatus.Closed));
        Assert.Empty(city.Of(MessageKind.TalentDemand));
    }

    [Fact]
    public void Closing_firm_counts_as_a_closure_and_its_people_rejoin_the_city_pool()
    {
        const int talent = 40;
        static (double Pool, long Closures) Run(bool withFirm)
        {
            var harness = new ActorHarness(TestWorlds.With(Steady with { MigrationMonthly = 0, StartUpFormationRate = 0 }));
            var city = harness.AddCity(Home);
            if (withFirm)
            {
                harness.AddFirm(Established, Profile(talent: talent, cash: -1e8, products: 0));
            }
            harness.Run(harness.Parameters.DistressMonthsToClose + 1);
            var pool = harness.State(ActorHarness.CityId(Home)).GetProperty("pool").GetProperty(Field.Code()).GetDouble();
            return (pool, city.Month.Closures);
        }

        var without = Run(withFirm: false);
        var with = Run(withFirm: true);

        Assert.Equal(0, without.Closures);
        Assert.Equal(1, with.Closures);
        // Every person rejoined the pool, which has since lost a few percent a month to exits.
        var exit = 1 - ModelParameters.Default.TalentPoolExitMonthly;
        Assert.InRange(with.Pool - without.Pool, talent * Math.Pow(exit, ModelParameters.Default.DistressMonthsToClose + 1), talent * exit);
    }

    [Fact]
    public void Firm_whose_cash_recovers_in_time_stays_open()
    {
        static Firm Run(bool rescued)
        {
            var harness = new ActorHarness(TestWorlds.With(Steady));
            var firm = harness.AddFirm(Established, Profile(stage: FirmStage.StartUp, talent: 30, cash: -1e6, products: 0, highTech: false));
            harness.Run(harness.Parameters.DistressMonthsToClose - 2);
            if (rescued)
            {
                harness.Post(Established, EcosystemMessage.Of(new CapitalFlow(CapitalPurpose.Equity, ChainStage.Financing, Home, -1, 1e8, 0)));
            }
            harness.Run(4);
            return firm;
        }

        Assert.True(Run(rescued: false).Closed);
        Assert.False(Run(rescued: true).Closed);
    }

    [Fact]
    public void Successful_pilot_moves_the_technology_to_financing()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady));
        var (firm, technology) = SpinOffInPilot(harness);

        harness.Post(SpinOff, PilotResult(technology, 0, success: true));
        harness.Run();
        Assert.Equal(technology.Id, Assert.Single(harness.Probe(harness.InstitutionId("gz-pilot")).Of(MessageKind.PilotRequest)).Message.Deal.Technology.Id);
        var item = Assert.Single(firm.Pipeline);
        // In financing, and (having applied to a fund in the same turn) waiting for the answer.
        Assert.Equal(PipelineStep.AwaitingDecision, item.Step);
        Assert.Equal(ChainStage.Financing, item.Technology.Stage);
        harness.Run();

        var financing = Transitions(harness, SpinOff).Single(t => t.To == ChainStage.Financing);
        Assert.Equal((ChainStage.Transformation, TransitionOutcome.Advanced, (long)harness.IndexOf("sysu")), (financing.From, financing.Outcome, financing.Counterpart));
        // It applies at once to the nearest fund that finances this stage, for its field's need.
        var fund = harness.World.FundsFor(Home, ChainStage.Financing)[0];
        var application = Assert.Single(harness.Probe(ModelActors.InstitutionId(fund)).Of(MessageKind.FundingApplication)).Message.Deal;
        Assert.Equal(technology.Id, application.Technology.Id);
        Assert.Equal(harness.Parameters.FinancingNeed, application.Amount);
    }

    [Fact]
    public void Failed_pilot_stalls_the_technology()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady));
        var (firm, technology) = SpinOffInPilot(harness);

        harness.Post(SpinOff, PilotResult(technology, 0, success: false));
        harness.Run(2);

        Assert.Empty(firm.Pipeline);
        var stalled = Transitions(harness, SpinOff).Single(t => t.Outcome == TransitionOutcome.Stalled);
        Assert.Equal((ChainStage.Transformation, ChainStage.Transformation, technology.Id), (stalled.From, stalled.To, stalled.Technology.Id));
    }

    [Fact]
    public void Pilot_turned_away_leaves_the_firm_developing_the_technology_itself()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady with { SelfTransformationMonthly = 0, TransformationAbandonMonthly = 0 }));
        var (firm, technology) = SpinOffInPilot(harness);

        harness.Post(SpinOff, PilotResult(technology, -1, success: false));
        harness.Run(2);

        var item = Assert.Single(firm.Pipeline);
        Assert.Equal(PipelineStep.SelfDeveloping, item.Step);
        Assert.Equal(ChainStage.Transformation, item.Technology.Stage);
    }

    [Fact]
    public void Funding_decision_launches_a_product()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady));
        var fund = harness.AddProbe(harness.InstitutionId("gd-guidance"));
        var (firm, technology) = SpinOffInPilot(harness, quality: 0.8f);
        harness.Post(SpinOff, PilotResult(technology, 0, success: true));
        harness.Run();
        Assert.Equal(0, firm.Products);

        var amount = harness.Parameters.FinancingNeed;
        fund.Send(SpinOff, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(technology, amount, harness.IndexOf("gd-guidance"), true)));
        harness.Run(2);

        Assert.Equal(1, firm.Products);
        Assert.Equal(technology.Quality, firm.ProductQuality, 6);
        Assert.Empty(firm.Pipeline);
        var investor = harness.State(SpinOff).GetProperty("investors").EnumerateArray().Single();
        Assert.Equal("gd-guidance", investor.GetProperty("fund").GetString());
        harness.Run(2);

        var launch = Transitions(harness, SpinOff).Single(t => t.To == ChainStage.Market);
        Assert.Equal((ChainStage.Financing, TransitionOutcome.Advanced, (long)harness.IndexOf("gd-guidance")), (launch.From, launch.Outcome, launch.Counterpart));
        // The product's revenue starts repaying the fund the month after launch.
        var p = harness.Parameters;
        var repayment = fund.Of(MessageKind.Capital).Select(m => m.Message.Capital).First();
        Assert.Equal(CapitalPurpose.Repayment, repayment.Purpose);
        Assert.Equal(technology.Quality * 2 * p.ProductMonthlyRevenue * (1 - p.ImitationLossRate) * p.InvestorReturnShare, repayment.Amount, 3);
    }

    [Fact]
    public void Technology_is_financed_by_one_fund_only()
    {
        var keen = Steady with { FundApprovalBase = 10 };
        var harness = new ActorHarness(TestWorlds.With(keen));
        var funds = harness.World.FundsFor(Home, ChainStage.Financing).Select(i => harness.Add<Fund>(ModelActors.InstitutionId(i))).ToArray();
        var (firm, technology) = SpinOffInPilot(harness, quality: 0.9f);
        harness.Post(SpinOff, PilotResult(technology, 0, success: true));

        harness.Run(8);

        Assert.Equal(1, firm.Products);
        Assert.Equal(1, funds.Sum(f => f.Deals));
    }

    [Fact]
    public void New_mainland_firm_becomes_high_tech_once_it_meets_the_criteria()
    {
        var parameters = Steady with { OtherPatentsPerTalent = 6 };
        var harness = new ActorHarness(TestWorlds.With(parameters));
        var mainland = harness.AddFirm(Established, Profile(bornStep: 0, highTech: false));
        var small = harness.AddFirm(ModelActors.FirmId(Home, Field, 1), Profile(bornStep: 0, talent: parameters.HighTechMinimumTalent - 2, highTech: false));
        var hongKongId = ModelActors.FirmId(City.HongKong, Field, 0);
        var hongKong = harness.AddFirm(hongKongId, Profile(city: City.HongKong, bornStep: 0, highTech: false));

        for (var step = 0; step < parameters.HighTechMinimumAgeMonths; step++)
        {
            harness.Run();
            Assert.False(mainland.HighTech, $"high-tech at step {step}, younger than {parameters.HighTechMinimumAgeMonths} months");
        }
        harness.Run(4);

        Assert.True(mainland.HighTech);
        Assert.False(small.HighTech);
        Assert.False(hongKong.HighTech);
        var became = harness.Probe(ActorHarness.CityId(Home)).Of(MessageKind.FirmReport)
            .Where(m => (m.Message.FirmReport.Status & FirmStatus.BecameHighTech) != 0)
            .ToArray();
        var report = Assert.Single(became);
        Assert.Equal(Established, report.Sender);
        Assert.Equal(parameters.HighTechMinimumAgeMonths + 1, report.Step);
        Assert.DoesNotContain(harness.Probe(ActorHarness.CityId(City.HongKong)).Of(MessageKind.FirmReport), m => (m.Message.FirmReport.Status & FirmStatus.HighTech) != 0);
    }

    [Fact]
    public void Firms_ask_every_transfer_centre_within_reach_not_only_the_first_listed()
    {
        var eager = Steady with { TechnologyDemandShare = 1, PipelineTarget = 100 };
        var harness = new ActorHarness(TestWorlds.With(eager), seed: 3);
        for (var i = 0; i < 40; i++)
        {
            harness.AddFirm(ModelActors.FirmId(Home, Field, i), Profile());
        }
        var centres = new[] { "gz-ttc", "sz-ttc", "hk-kto" }.ToDictionary(c => c, c => harness.AddProbe(harness.InstitutionId(c)));

        harness.Run(6);

        var asked = centres.ToDictionary(c => c.Key, c => c.Value.Of(MessageKind.TechnologyDemand).Count);
        Assert.True(asked["gz-ttc"] > asked["sz-ttc"], string.Join(", ", asked));
        Assert.True(asked["sz-ttc"] > 0, string.Join(", ", asked));
    }

    [Fact]
    public void Closed_firm_sends_a_licence_back_to_the_centre_and_pays_nobody()
    {
        var harness = new ActorHarness(TestWorlds.With(Steady));
        var firm = harness.AddFirm(Established, Profile(talent: 0));
        var centre = harness.AddProbe(harness.InstitutionId("gz-ttc"));
        harness.Run();
        Assert.True(firm.Closed);
        centre.Send(Established, Licensed(TestTechnologies.Make(88, Field, 0.7f), 2e6, harness.IndexOf("sysu")));

        harness.Run(4);

        var returned = Assert.Single(centre.Of(MessageKind.LicenceOffer)).Message.Deal;
        Assert.Equal((88L, 2e6, (long)harness.IndexOf("sysu"), true), (returned.Technology.Id, returned.Amount, returned.Counterpart, returned.Success));
        Assert.Empty(harness.Probe(harness.InstitutionId("sysu")).Of(MessageKind.Capital));
    }

    [Fact]
    public void Fund_financed_launch_spends_the_money_raised_on_scaling_up()
    {
        double CashAfterLaunch(bool funded)
        {
            var harness = new ActorHarness(TestWorlds.With(Steady with { SelfFinancingMonthly = 0 }));
            var fund = harness.AddProbe(harness.InstitutionId("gd-guidance"));
            var (firm, technology) = SpinOffInPilot(harness);
            harness.Post(SpinOff, PilotResult(technology, 0, success: true));
            harness.Run();
            if (funded)
            {
                fund.Send(SpinOff, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(technology, harness.Parameters.FinancingNeed, harness.IndexOf("gd-guidance"), true)));
            }
            harness.Run(2);
            Assert.Equal(funded ? 1 : 0, firm.Products);
            return firm.Cash;
        }

        // Raised and spent: the firm is ahead only by its new product's first month of sales, not by the money raised.
        var need = ModelParameters.Default.FinancingNeed;
        Assert.InRange(CashAfterLaunch(funded: true) - CashAfterLaunch(funded: false), 0, 0.15 * need);
    }
}
