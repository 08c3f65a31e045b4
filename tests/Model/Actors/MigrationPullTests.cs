using GbaSim.Model.Ecosystem;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Tests.Model.Actors;

public sealed class MigrationPullTests
{
    private static readonly PolicyScope Zhuhai = new([City.Zhuhai], [], [], [], []);

    private static double Pull(City from, City to, params PolicySpec[] policies) =>
        MigrationPull.Weight(new WorldModel(ModelFixtures.World(), 1, policies, 1), 0, from, to, Enumerable.Repeat(-1, policies.Length).ToArray());

    private static PolicySpec Talent(double attractiveness, double subsidy) =>
        TestPolicies.Spec(PolicyType.TalentAttraction, scope: Zhuhai, parameters: new() { ["attractiveness"] = attractiveness, ["relocationSubsidy"] = subsidy });

    [Fact]
    public void Attractiveness_of_a_fifth_raises_a_city_pull_by_about_a_fifth()
    {
        var ratio = Pull(City.Shenzhen, City.Zhuhai, Talent(0.2, 0)) / Pull(City.Shenzhen, City.Zhuhai);
        Assert.InRange(ratio, 1.18, 1.26);
    }

    [Fact]
    public void One_off_relocation_subsidy_pulls_like_a_wage_rise_spread_over_a_stay_not_a_permanent_one()
    {
        var wage = ModelFixtures.World().Cities.First(c => c.City == City.Zhuhai).MonthlyWage;
        var ratio = Pull(City.Shenzhen, City.Zhuhai, Talent(0, 12 * wage)) / Pull(City.Shenzhen, City.Zhuhai);
        var p = ModelParameters.Default;
        var permanent = Math.Pow(2, p.MigrationSensitivity);
        Assert.Equal(Math.Pow(1 + (1 / p.RelocationStayYears), p.MigrationSensitivity), ratio, 6);
        Assert.True(ratio < permanent / 2, $"{ratio} vs {permanent}");
    }

    [Fact]
    public void Relocation_subsidy_stops_pulling_while_its_budget_is_spent()
    {
        var policy = Talent(0, 500_000);
        var world = new WorldModel(ModelFixtures.World(), 1, [policy], 1);
        var paying = MigrationPull.Weight(world, 3, City.Shenzhen, City.Zhuhai, [-1]);
        var spent = MigrationPull.Weight(world, 3, City.Shenzhen, City.Zhuhai, [11]);
        var renewed = MigrationPull.Weight(world, 12, City.Shenzhen, City.Zhuhai, [11]);

        Assert.Equal(Pull(City.Shenzhen, City.Zhuhai), spent, 9);
        Assert.True(paying > spent * 1.1, $"{paying} vs {spent}");
        Assert.Equal(paying, renewed, 9);
    }

    [Fact]
    public void Migrants_prefer_destinations_their_frictions_let_them_reach_and_facilitation_raises_the_pull_across_the_border()
    {
        var scope = new PolicyScope([], [], [], [], [(City.Shenzhen, City.HongKong)]);
        var facilitation = TestPolicies.Spec(PolicyType.CrossBorderFacilitation, scope: scope, parameters: new() { ["talentFrictionReduction"] = 1.0 });
        var link = ModelFixtures.World().Links.Single(l => l.A == City.Shenzhen && l.B == City.HongKong);
        var stay = 12 * ModelParameters.Default.RelocationStayYears;

        var ratio = Pull(City.Shenzhen, City.HongKong, facilitation) / Pull(City.Shenzhen, City.HongKong);

        Assert.Equal(1 / ((1 - link.TalentLoss) * (1 - (link.TalentDelayMonths / stay))), ratio, 6);
        Assert.Equal(Pull(City.Shenzhen, City.Guangzhou), Pull(City.Shenzhen, City.Guangzhou, facilitation), 9);
    }
}
