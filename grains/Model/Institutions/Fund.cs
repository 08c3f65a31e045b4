using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A venture fund, government guidance fund or bank's technology lending: it weighs the month's
/// applications, best technologies first, and finances those it believes in while its capital
/// lasts. Guidance funds favour their focus sectors; banks lend less readily.
/// Capital comes back as investees repay out of product revenue; new money each year only
/// tops the fund up towards its committed size, so a fund never outgrows what it was given.
/// </summary>
public sealed class Fund : Institution
{
    private readonly List<(GbaSim.Kernel.Identity.ActorId Firm, Deal Deal)> _applications = [];

    public Fund(WorldModel world, int index)
        : base(world, index) => Capital = Scaled(Definition.Capital);

    public double Capital { get; private set; }

    public double Invested { get; private set; }

    public long Deals { get; private set; }

    public long Declined { get; private set; }

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        _applications.Clear();
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.FundingApplication)
            {
                _applications.Add((envelope.Sender, message.Deal));
            }
            else if (message.Kind == MessageKind.Capital)
            {
                Capital += message.Capital.Amount;
                Income += message.Capital.Amount;
            }
        }
        var committed = Scaled(Definition.Capital);
        Capital += Math.Clamp(committed - Capital, 0, committed * Parameters.FundAnnualInflow / 12);
        _applications.Sort((a, b) => b.Deal.Technology.Quality != a.Deal.Technology.Quality
            ? b.Deal.Technology.Quality.CompareTo(a.Deal.Technology.Quality)
            : a.Firm.CompareTo(b.Firm));
        foreach (var (firm, deal) in _applications)
        {
            Decide(context, firm, deal);
        }
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, 0, 0, 0));
    }

    private void Decide(ActorContext<EcosystemMessage> context, GbaSim.Kernel.Identity.ActorId firm, in Deal deal)
    {
        var technology = deal.Technology;
        var focus = Definition.Sectors.Count == 0 || Definition.Sectors.Contains(technology.Field) ? 1.0 : 0.5;
        var appetite = Definition.Kind switch
        {
            InstitutionKind.BankLending => 0.6,
            InstitutionKind.GuidanceFund => 0.9 * focus,
            _ => focus,
        };
        var odds = Parameters.FundApprovalBase * (0.3 + technology.Quality) * appetite;
        if (deal.Success)
        {
            // A public buyer's order for the first units takes part of the market risk off the launch.
            odds *= 1 + World.Schedule.OrderBacking(context.Step, ModelActors.FirmSector(firm.Key), deal.SenderPlace(firm.Key));
        }
        var firmCity = deal.SenderPlace(firm.Key).City;
        var affordable = Capital >= deal.Amount;
        var approved = affordable && context.Random.Chance(Math.Min(0.95, odds));
        if (approved)
        {
            Capital -= deal.Amount;
            Invested += deal.Amount;
            Deals++;
            RecordFlow(context, FlowKind.Capital, City, firmCity, deal.Amount);
            var loss = World.Loss(context.Step, World.PlaceOf(Index), deal.SenderPlace(firm.Key), FlowKind.Capital);
            context.Send(firm, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(technology.Funded(deal.Amount), deal.Amount * (1 - loss), Index, true)));
        }
        else
        {
            Declined++;
            context.Send(firm, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(technology, 0, Index, false)));
        }
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_applications);
        writer.Write(Capital);
        writer.Write(Invested);
        writer.Write(Deals);
        writer.Write(Declined);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_applications);
        Capital = reader.Read<double>();
        Invested = reader.Read<double>();
        Deals = reader.Read<long>();
        Declined = reader.Read<long>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("capital", Capital);
        writer.Write("invested", Invested);
        writer.Write("deals", Deals);
        writer.Write("declined", Declined);
    }
}
