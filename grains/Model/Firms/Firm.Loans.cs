using System.Runtime.InteropServices;
using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;
using GbaSim.Model.World;

namespace GbaSim.Model.Firms;

/// <summary>A loan against the firm's patents: the policy that lent it, what is still owed (interest included) and the monthly instalment.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct PatentLoan(int Policy, double Outstanding, double Instalment);

/// <summary>
/// IP-backed lending from the firm's side: when no investor finances a launch, a firm holding
/// invention patents borrows against them, launches with the loan and repays it month by month;
/// a month without the cash for an instalment is missed (the loan runs longer), and what a
/// closing firm still owes is lost to the lender.
/// </summary>
public sealed partial class Firm
{
    private readonly List<PatentLoan> _loans = [];

    public IReadOnlyList<PatentLoan> Loans => _loans;

    /// <summary>Asks the first lending policy covering the firm for what its patents secure, if that and its cash pay for the launch; false when it cannot ask.</summary>
    private bool AskForPatentLoan(ActorContext<EcosystemMessage> context, int index)
    {
        if (!World.Schedule.Any(PolicyType.IpBackedLending) || InventionPatents < 1)
        {
            return false;
        }
        var technology = _pipeline[index].Technology;
        var need = FinancingNeed(technology.Field);
        foreach (var policy in World.Schedule.ForFirm(PolicyType.IpBackedLending, context.Step, Sector, City, Zone))
        {
            var loan = Math.Min(need, InventionPatents * policy.Parameter("collateralPerPatent"));
            if (loan > 0 && Cash + loan >= need)
            {
                context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.LoanApplication, new Deal(technology, loan, context.Id.Key, false, Here)));
                return true;
            }
        }
        return false;
    }

    /// <summary>Books the debt, sum lent plus simple interest over its months, and launches with the money.</summary>
    private void TakeLoan(ActorContext<EcosystemMessage> context, int index, in Deal deal)
    {
        var policy = World.Schedule.Policies[PolicyOf(deal)];
        var months = policy.Parameter("loanMonths");
        var owed = deal.Amount * (1 + (policy.Parameter("interestRate") * months / 12));
        _loans.Add(new PatentLoan(policy.Index, owed, owed / months));
        Cash += deal.Amount;
        Launch(context, index, deal.Amount, -1);
    }

    private void RepayLoans(ActorContext<EcosystemMessage> context)
    {
        for (var i = 0; i < _loans.Count; i++)
        {
            var loan = _loans[i];
            var payment = Math.Min(loan.Outstanding, loan.Instalment);
            if (Cash < payment)
            {
                continue;
            }
            Cash -= payment;
            RepayLender(context, loan.Policy, payment);
            _loans[i] = loan with { Outstanding = loan.Outstanding - payment };
        }
        _loans.RemoveAll(l => l.Outstanding <= 1e-6);
    }

    private static void RepayLender(ActorContext<EcosystemMessage> context, int policy, double amount) =>
        context.Send(ModelActors.PolicyId(policy), EcosystemMessage.Of(new CapitalFlow(CapitalPurpose.Repayment, ChainStage.Market, default, (short)policy, amount, 0)));

    /// <summary>Money that came too late goes back: to the fund, or, for a loan, to the lending policy.</summary>
    private void ReturnFinancing(ActorContext<EcosystemMessage> context, long sender, in Deal deal)
    {
        if (deal.Counterpart < 0)
        {
            RepayLender(context, PolicyOf(deal), deal.Amount);
            return;
        }
        ReturnFunding(context, sender, deal.Amount);
    }

    private static int PolicyOf(in Deal deal) => (int)(-1 - deal.Counterpart);
}
