using GbaSim.Model.Ecosystem;
using GbaSim.Model.Institutions;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

/// <summary>Joint labs: which institutions are paired, and that a lab is paid (and so acts) only while the period's budget lasts.</summary>
public sealed class JointLabProgrammeTests
{
    private static PolicySpec Labs(double budget, params string[] institutions) => TestPolicies.Spec(
        PolicyType.JointLab, budget: budget, scope: new PolicyScope([], [], [], institutions, []), parameters: new() { ["labCostPerYear"] = 12_000 });

    [Fact]
    public void Each_covered_institution_across_the_border_is_paired_with_a_Guangdong_one_the_shorter_side_cycling()
    {
        var harness = new ActorHarness(policies: [Labs(1e9, "hku", "um", "sysu")]);
        var programme = harness.AddPolicy(0);

        var pairs = programme.JointLabPairs(programme.Spec).ToArray();

        Assert.Equal([(harness.IndexOf("hku"), harness.IndexOf("sysu")), (harness.IndexOf("um"), harness.IndexOf("sysu"))], pairs);
        Assert.Empty(programme.JointLabPairs(Labs(1e9, "hku", "cuhk")));
    }

    [Fact]
    public void A_lab_is_paid_half_to_each_partner_each_month_until_the_year_budget_is_spent_and_again_the_next_year()
    {
        // 1,000 yuan a month per lab; the year's 2,500 pays two months in full, and a third month's lab is not paid in part.
        var harness = new ActorHarness(policies: [Labs(2_500, "hku", "sysu")]);
        var programme = harness.AddPolicy(0);
        var (hku, sysu) = (harness.AddProbe(harness.InstitutionId("hku")), harness.AddProbe(harness.InstitutionId("sysu")));

        harness.Run(6);

        Assert.Equal([500.0, 500.0], hku.Of(MessageKind.JointLabFunding).Select(m => m.Message.Deal.Amount));
        Assert.All(hku.Of(MessageKind.JointLabFunding), m => Assert.Equal(harness.IndexOf("sysu"), m.Message.Deal.Counterpart));
        Assert.All(sysu.Of(MessageKind.JointLabFunding), m => Assert.Equal(harness.IndexOf("hku"), m.Message.Deal.Counterpart));
        Assert.Equal(2_000, programme.Spent, 6);

        harness.Run(9);
        Assert.Equal(4, hku.Of(MessageKind.JointLabFunding).Count);
        Assert.Equal(4_000, programme.Spent, 6);
    }

    [Fact]
    public void A_paid_lab_breaks_through_more_and_offers_its_breakthroughs_through_the_partner_side()
    {
        (long Breakthroughs, int AtHome, int Across) Run(bool paid)
        {
            var policy = TestPolicies.Spec(PolicyType.JointLab, parameters: new() { ["breakthroughUplift"] = 0.5, ["partnerOfferShare"] = 1 });
            var harness = new ActorHarness(TestWorlds.With(ModelParameters.Default with { SpinOffShare = 0 }), [policy], seed: 4);
            var hku = harness.AddInstitution<ResearchInstitution>("hku");
            var programme = harness.AddProbe(ActorHarness.PolicyId(0));
            var (hongKong, guangzhou) = (harness.AddProbe(harness.InstitutionId("hk-kto")), harness.AddProbe(harness.InstitutionId("gz-ttc")));
            for (var month = 0; month < 36; month++)
            {
                if (paid)
                {
                    programme.Send(harness.InstitutionId("hku"), EcosystemMessage.Of(MessageKind.JointLabFunding, new Deal(default, 500, harness.IndexOf("sysu"), true)));
                }
                harness.Run();
            }
            return (hku.Breakthroughs, hongKong.Of(MessageKind.LicenceOffer).Count, guangzhou.Of(MessageKind.LicenceOffer).Count);
        }

        var (alone, lab) = (Run(paid: false), Run(paid: true));

        Assert.True(lab.Breakthroughs > alone.Breakthroughs * 1.2, $"{lab.Breakthroughs} vs {alone.Breakthroughs}");
        // Offered from Guangzhou, a breakthrough seldom goes back to Hong Kong's centre.
        double HomeShare((long, int AtHome, int Across) run) => run.AtHome / (double)(run.AtHome + run.Across);
        Assert.True(HomeShare(lab) < HomeShare(alone) / 2, $"alone: {alone.AtHome} at home, {alone.Across} across; with the lab: {lab.AtHome}, {lab.Across}");
    }
}
