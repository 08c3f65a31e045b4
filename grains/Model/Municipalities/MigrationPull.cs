using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;

namespace GbaSim.Model.Municipalities;

/// <summary>
/// How strongly a destination draws a city's mobile talent: the gap in real wages (through the
/// migration sensitivity), a one-off relocation subsidy valued as a wage rise spread over a
/// stay, an income-tax refund as a rise in the net wage, policies' attractiveness on the log scale, and the journey itself: travel time, the
/// share lost on the way and the months spent in transit, all lowered by facilitation policies.
/// </summary>
public static class MigrationPull
{
    /// <summary>The unnormalised weight of moving from <paramref name="from"/> to <paramref name="to"/> this step (0 for staying).</summary>
    public static double Weight(WorldModel world, long step, City from, City to, IReadOnlyList<int> subsidyPausedUntil)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (from == to)
        {
            return 0;
        }
        var parameters = world.Parameters;
        var destination = world.CityOf(to);
        var stayMonths = 12 * parameters.RelocationStayYears;
        var subsidy = world.Schedule.RelocationSubsidy(step, to, subsidyPausedUntil);
        var taxRefund = world.Schedule.TaxSubsidyUplift(step, from, to, subsidyPausedUntil);
        var money = (RealWage(world, to) - RealWage(world, from)) + Math.Log(1 + (subsidy / (destination.MonthlyWage * stayMonths))) + taxRefund;
        var policy = world.Schedule.Attractiveness(step, to) - world.Schedule.Attractiveness(step, from);
        var link = world.Link(from, to);
        var arriving = Math.Max(0, 1 - world.CityLoss(step, from, to, FlowKind.Talent));
        var working = Math.Max(0, 1 - (world.TalentDelay(step, from, to) / stayMonths));
        return Math.Exp((parameters.MigrationSensitivity * money) + policy) * arriving * working / (1 + link.TravelHours);
    }

    /// <summary>The log real wage of a city: its R&amp;D wage over its living cost (15,000 yuan a month at cost 1).</summary>
    private static double RealWage(WorldModel world, City city)
    {
        var definition = world.CityOf(city);
        return Math.Log(definition.MonthlyWage / (definition.LivingCost * 15_000));
    }
}
