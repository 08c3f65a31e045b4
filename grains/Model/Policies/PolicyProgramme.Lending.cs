using GbaSim.Kernel.Actors;
using GbaSim.Model.Ecosystem;

namespace GbaSim.Model.Policies;

/// <summary>An IP-backed lending policy at work: it lends once per technology while the period's lending lasts, and books what borrowers repay.</summary>
public sealed partial class PolicyProgramme
{
    /// <summary>Instalments repaid so far (IP-backed lending only).</summary>
    public double Repaid { get; private set; }

    /// <summary>
    /// Answers each application with the loan asked, or a refusal when the technology had a loan
    /// already or the period's money left cannot lend it in full; repayments are only counted,
    /// since the budget is what may be lent, not what is outstanding.
    /// </summary>
    private void Lend(ActorContext<EcosystemMessage> context)
    {
        foreach (var envelope in context.Inbox)
        {
            var message = envelope.Message;
            if (message.Kind == MessageKind.Capital && message.Capital.Purpose == CapitalPurpose.Repayment)
            {
                Repaid += message.Capital.Amount;
            }
            else if (message.Kind == MessageKind.LoanApplication)
            {
                var asked = message.Deal;
                var lent = Budget - SpentInPeriod >= asked.Amount && _paidTechnologies.Add(asked.Technology.Id);
                if (lent)
                {
                    Spend(asked.Amount);
                    Payments++;
                }
                context.Send(envelope.Sender, EcosystemMessage.Of(MessageKind.FundingDecision, new Deal(asked.Technology, lent ? asked.Amount : 0, Lender(index), lent)));
            }
        }
    }

    /// <summary>A lending policy answers as a fund does, with its index folded below zero so the firm can tell a loan from an investment.</summary>
    public static long Lender(int policy) => -1 - policy;
}
