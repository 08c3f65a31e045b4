using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;

namespace GbaSim.Model.Firms;

/// <summary>The firm's side of the chain: receiving technologies and money, and moving its pipeline on.</summary>
public sealed partial class Firm
{
    private FirmStatus Receive(ActorContext<EcosystemMessage> context, in EcosystemMessage message, long sender)
    {
        var step = (int)context.Step;
        switch (message.Kind)
        {
            case MessageKind.Founding:
                return Found(context, message.Founding, sender);
            case MessageKind.Talent:
                Talent += message.Talent.Count;
                break;
            case MessageKind.Capital:
                Cash += message.Capital.Amount;
                break;
            case MessageKind.IncubationGrant:
                IncubatedUntil = step + (int)message.Deal.Amount - 1;
                break;
            case MessageKind.Licensed:
                TakeLicence(context, message.Deal, sender);
                break;
            case MessageKind.PilotResult:
                FinishPilot(context, message.Deal);
                break;
            case MessageKind.FundingDecision:
                TakeFunding(context, message.Deal, sender);
                break;
            case MessageKind.DataProduct:
                TakeDataProduct(context, message.Deal, sender);
                break;
            case MessageKind.OrderSigned:
                TakeOrder(message.Deal);
                break;
        }
        return FirmStatus.None;
    }

    private FirmStatus Found(ActorContext<EcosystemMessage> context, in Founding founding, long parent)
    {
        if (Founded)
        {
            return FirmStatus.None;
        }
        var step = (int)context.Step;
        Start(new FirmProfile(founding.City, founding.Zone, founding.Sector, FirmStage.StartUp, step, 2, founding.Cash, 0, 0, false));
        if (founding.HasTechnology)
        {
            EnterProofOfConcept(context, founding.Technology, parent, false);
        }
        var incubator = World.IncubatorFor(City, ref context.Random);
        if (incubator >= 0)
        {
            context.Send(ModelActors.InstitutionId(incubator), EcosystemMessage.Of(MessageKind.IncubationRequest, new Deal(founding.Technology, 0, context.Id.Key, false)));
        }
        foreach (var policy in World.Schedule.SectorFinance(context.Step, Sector, City, Zone))
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.FundingApplication, new Deal(default, 0, context.Id.Key, false, Here)));
        }
        return FirmStatus.Born;
    }

    private void TakeLicence(ActorContext<EcosystemMessage> context, in Deal deal, long centre)
    {
        var licensor = World.Institutions[(int)deal.Counterpart];
        var technology = deal.Technology;
        Cash -= deal.Amount;
        Pay(context, ModelActors.InstitutionId((int)deal.Counterpart), World.PlaceOf((int)deal.Counterpart), new CapitalFlow(CapitalPurpose.LicenceFee, ChainStage.Transformation, City, -1, deal.Amount, technology.Id), Zone);
        var transferCentre = World.Institutions[(int)centre];
        var (_, subsidy) = World.Schedule.TransferBonus(context.Step, transferCentre.Key, transferCentre.City);
        var fee = deal.Amount * transferCentre.FeeRate * (1 - subsidy);
        if (fee > 0)
        {
            Cash -= fee;
            Pay(context, ModelActors.InstitutionId((int)centre), World.PlaceOf((int)centre), new CapitalFlow(CapitalPurpose.ServiceFee, ChainStage.Transformation, City, -1, fee, technology.Id), Zone);
        }
        // The licence's record carries its price, so licence values can be studied from the chain's lineage; the technology itself carries only funding.
        EnterProofOfConcept(context, technology, deal.Counterpart, Cities.CrossesBorder(licensor.City, City), licencePrice: deal.Amount);
    }

    private void FinishPilot(ActorContext<EcosystemMessage> context, in Deal deal)
    {
        var index = Find(deal.Technology.Id);
        if (index < 0)
        {
            return;
        }
        var item = _pipeline[index];
        if (item.Step is PipelineStep.InProof or PipelineStep.SelfProving)
        {
            // A centre's answer, also one that comes after the firm stopped waiting and began proving it itself.
            FinishProof(context, index, deal);
        }
        else if (deal.Amount < 0)
        {
            // The platform had no room: develop in-house instead.
            _pipeline[index] = item with { Step = PipelineStep.SelfDeveloping, Since = (int)context.Step };
        }
        else if (deal.Success)
        {
            EnterFinancing(context, index);
        }
        else
        {
            Stall(context, index);
        }
    }

    private void TakeFunding(ActorContext<EcosystemMessage> context, in Deal deal, long fund)
    {
        var index = Find(deal.Technology.Id);
        if (!deal.Success)
        {
            // A fund's refusal sends a firm with patents to an IP-backed lender, if one covers it; a lender's refusal does not.
            if (index >= 0 && _pipeline[index].Step == PipelineStep.AwaitingDecision && (deal.Counterpart < 0 || !AskForPatentLoan(context, index)))
            {
                _pipeline[index] = _pipeline[index] with { Step = PipelineStep.AwaitingFinance };
            }
            return;
        }
        if (index < 0 || _pipeline[index].Step != PipelineStep.AwaitingDecision)
        {
            // Another fund, or the firm itself, financed it first (or it stalled): the money goes back.
            ReturnFinancing(context, fund, deal);
            return;
        }
        if (deal.Counterpart < 0)
        {
            TakeLoan(context, index, deal);
            return;
        }
        Cash += deal.Amount;
        _investors.Add((fund, deal.Amount * 1.5));
        Launch(context, index, deal.Amount, fund);
    }

    private void ReturnFunding(ActorContext<EcosystemMessage> context, long fund, double amount) =>
        Pay(context, ModelActors.InstitutionId((int)fund), World.PlaceOf((int)fund), new CapitalFlow(CapitalPurpose.Repayment, ChainStage.Financing, City, -1, amount, 0), Zone);

    /// <summary>Moves each technology in the pipeline on by a month.</summary>
    private void Advance(ActorContext<EcosystemMessage> context)
    {
        var step = (int)context.Step;
        for (var i = _pipeline.Count - 1; i >= 0; i--)
        {
            var item = _pipeline[i];
            var quality = item.Technology.Quality;
            switch (item.Step)
            {
                case PipelineStep.AwaitingProof:
                    RequestProof(context, i);
                    break;
                case PipelineStep.InProof when step - item.Since > 3 * Parameters.ProofOfConceptMonths:
                    _pipeline[i] = item with { Step = PipelineStep.SelfProving, Since = step };
                    break;
                case PipelineStep.SelfProving:
                    SelfProve(context, i);
                    break;
                case PipelineStep.AwaitingPilot:
                    RequestPilot(context, i);
                    break;
                case PipelineStep.InPilot when step - item.Since > 3 * Parameters.PilotMonths:
                    _pipeline[i] = item with { Step = PipelineStep.SelfDeveloping, Since = step };
                    break;
                case PipelineStep.SelfDeveloping:
                    if (context.Random.Chance(Parameters.SelfTransformationMonthly * (0.5 + quality) * TalentPace * ProductionPace))
                    {
                        EnterFinancing(context, i);
                    }
                    else if (context.Random.Chance(Parameters.TransformationAbandonMonthly))
                    {
                        Stall(context, i);
                    }
                    break;
                case PipelineStep.AwaitingFinance:
                    SeekFinance(context, i);
                    break;
                case PipelineStep.AwaitingDecision when step - item.Since > Parameters.FinancingPatienceMonths:
                    Stall(context, i);
                    break;
            }
        }
    }

    private void RequestPilot(ActorContext<EcosystemMessage> context, int index) =>
        SendForTest(context, index, World.PilotPlatformFor(City, _pipeline[index].Technology.Field), PipelineStep.InPilot, PipelineStep.SelfDeveloping);

    /// <summary>
    /// Sends a technology's prototype or samples to a proof-of-concept centre or pilot platform, so
    /// materials' frictions apply; with none to turn to, or the materials lost on the way, the firm goes on alone.
    /// </summary>
    private void SendForTest(ActorContext<EcosystemMessage> context, int index, int institution, PipelineStep waiting, PipelineStep alone)
    {
        var item = _pipeline[index];
        if (institution < 0 || !Survives(context, Here, World.PlaceOf(institution), FlowKind.Materials))
        {
            _pipeline[index] = item with { Step = alone, Since = (int)context.Step };
            return;
        }
        context.Send(ModelActors.InstitutionId(institution), EcosystemMessage.Of(MessageKind.PilotRequest, new Deal(item.Technology, 0, context.Id.Key, false)));
        RecordFlow(context, FlowKind.Materials, City, World.Institutions[institution].City, 1);
        _pipeline[index] = item with { Step = waiting, Since = (int)context.Step };
    }

    private void SeekFinance(ActorContext<EcosystemMessage> context, int index)
    {
        var item = _pipeline[index];
        var waited = (int)context.Step - item.Since;
        if (waited > Parameters.FinancingPatienceMonths)
        {
            Stall(context, index);
            return;
        }
        var need = FinancingNeed(item.Technology.Field);
        if (Cash > need * 1.5 && context.Random.Chance(Parameters.SelfFinancingMonthly * TalentPace * ProductionPace))
        {
            Launch(context, index, 0, -1);
            return;
        }
        var funds = World.FundsFor(City, ChainStage.Financing);
        if (funds.Count == 0)
        {
            return;
        }
        var fund = funds[waited % Math.Min(funds.Count, 4)];
        // A public first-purchase order covers its value of the scale-up; the application's flag says one backs it.
        var order = OrderFor(item.Technology.Id);
        context.Send(ModelActors.InstitutionId(fund), EcosystemMessage.Of(MessageKind.FundingApplication, new Deal(item.Technology, Math.Max(0, need - order), context.Id.Key, order > 0, Here)));
        _pipeline[index] = item with { Step = PipelineStep.AwaitingDecision };
    }

    private double FinancingNeed(Sector field) => Parameters.FinancingNeed * field switch
    {
        Sector.CommercialAerospace => 3.0,
        Sector.IntegratedCircuits => 2.0,
        Sector.Biotechnology or Sector.NewEnergyVehicles => 1.5,
        _ => 1.0,
    };

    private void EnterFinancing(ActorContext<EcosystemMessage> context, int index)
    {
        var item = _pipeline[index];
        var technology = item.Technology.Advance(ChainStage.Financing, 7, (int)context.Step);
        _pipeline[index] = item with { Technology = technology, Step = PipelineStep.AwaitingFinance, Since = (int)context.Step };
        Record(context, City, new ChainTransition(technology, ChainStage.Transformation, ChainStage.Financing, TransitionOutcome.Advanced, City, false, HolderKind.Firm, context.Id.Key, item.Source));
        ClaimSectorFinance(context, technology);
        AskForOrder(context, technology);
    }

    private void Launch(ActorContext<EcosystemMessage> context, int index, double funding, long fund)
    {
        var item = _pipeline[index];
        var technology = item.Technology.Advance(ChainStage.Market, 9, (int)context.Step).Funded(funding);
        _pipeline.RemoveAt(index);
        // Scaling up production costs what the financing was raised for, whoever paid for it.
        Cash -= FinancingNeed(technology.Field);
        Products++;
        ProductQuality += technology.Quality;
        var crossed = fund >= 0 && Cities.CrossesBorder(World.Institutions[(int)fund].City, City);
        Record(context, City, new ChainTransition(technology, ChainStage.Financing, ChainStage.Market, TransitionOutcome.Advanced, City, crossed, HolderKind.Firm, context.Id.Key, fund >= 0 ? fund : item.Source));
        ClaimSectorFinance(context, technology);
        SettleOrder(context, item.Technology, launched: true);
    }

    private void Stall(ActorContext<EcosystemMessage> context, int index)
    {
        var item = _pipeline[index];
        _pipeline.RemoveAt(index);
        SettleOrder(context, item.Technology, launched: false);
        Record(context, City, new ChainTransition(item.Technology, item.Technology.Stage, item.Technology.Stage, TransitionOutcome.Stalled, City, false, HolderKind.Firm, context.Id.Key, item.Source));
    }

    private void ClaimSectorFinance(ActorContext<EcosystemMessage> context, in Technology technology)
    {
        foreach (var policy in World.Schedule.SectorFinance(context.Step, Sector, City, Zone))
        {
            context.Send(ModelActors.PolicyId(policy.Index), EcosystemMessage.Of(MessageKind.FundingApplication, new Deal(technology, 0, context.Id.Key, false, Here)));
        }
    }

    /// <summary>Asks a transfer centre for a technology when the pipeline is short and there is money to license.</summary>
    private void SeekTechnology(ActorContext<EcosystemMessage> context)
    {
        if (_pipeline.Count >= Parameters.PipelineTarget || Cash < Parameters.LicenceBasePrice * 2)
        {
            return;
        }
        if (!context.Random.Chance(Parameters.TechnologyDemandShare * ProductionPace))
        {
            return;
        }
        // Firms draw a centre as institutions do, so every centre sees demand as well as offers.
        var centre = World.ChooseTransferCentre(City, Sector, context.Step, ref context.Random);
        if (centre >= 0)
        {
            var wanted = new Technology(0, Sector, ChainStage.Breakthrough, 4, City, 0, 0, 0, 0, 0);
            context.Send(ModelActors.InstitutionId(centre), EcosystemMessage.Of(MessageKind.TechnologyDemand, new Deal(wanted, Cash * 0.3, context.Id.Key, false, Here)));
        }
    }

    private int Find(long technology)
    {
        for (var i = 0; i < _pipeline.Count; i++)
        {
            if (_pipeline[i].Technology.Id == technology)
            {
                return i;
            }
        }
        return -1;
    }
}
