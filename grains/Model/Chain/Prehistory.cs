using GbaSim.Kernel.Determinism;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Sampling;
using GbaSim.Model.World;

namespace GbaSim.Model.Chain;

/// <summary>
/// A holder's monthly stage hazards before quality: breakthrough, proving a concept and
/// developing it in-house (each × (0.5 + q)) and finding finance (× (0.3 + q)); with
/// <see cref="Pilot"/> a pilot platform serves the field, so transformation is a pilot test.
/// </summary>
public readonly record struct StageHazards(double Breakthrough, double Proof, double Transformation, double Finance, bool Pilot);

/// <summary>
/// The pipeline a region already holds when the run starts: technologies discovered in the
/// twenty years before it are taken month by month through their holder's stage hazards to the
/// run's first month, so those still under way stand at the stages and ages that a flow of
/// discoveries growing as the region's R&amp;D did leaves, and launches come from the first month.
/// </summary>
public static class Prehistory
{
    /// <summary>How far back discoveries are drawn: twenty years, after which almost none is still under way.</summary>
    public const int Months = 240;

    /// <summary>
    /// How fast the region's R&amp;D grew in the years before: about 14% a year (Guangzhou's R&amp;D
    /// spending rose from 23.8 to 88.2 billion yuan in 2011-2021, Guangzhou Statistical Yearbook
    /// 2023, table 17-5), so discoveries <c>a</c> months before the run were 1.14^(−a/12) as many as today's.
    /// </summary>
    public const double PastGrowthYearly = 0.14;

    /// <summary>The share of today's discoveries made in <paramref name="month"/> (negative: before the run).</summary>
    public static double PastVolume(int month) => Math.Pow(1 + PastGrowthYearly, month / 12.0);

    /// <summary>
    /// Takes <paramref name="technology"/> from its discovery to the run's start; true if it is
    /// still under way then, at the stage and since the month it holds. Holders whose technologies
    /// leave them at breakthrough (research institutions) pass <paramref name="holdsPastResearch"/> false.
    /// </summary>
    public static bool UnderWayAtStart(ref Technology technology, in StageHazards hazards, ModelParameters parameters, bool holdsPastResearch, ref RandomStream random)
    {
        var quality = technology.Quality;
        for (var month = technology.BornStep; month < 0; month++)
        {
            switch (technology.Stage)
            {
                case ChainStage.BasicResearch:
                    if (random.Chance(hazards.Breakthrough * (0.5 + quality)))
                    {
                        if (!holdsPastResearch)
                        {
                            return false;
                        }
                        technology = technology.Advance(ChainStage.ProofOfConcept, 5, month);
                    }
                    else if (random.Chance(parameters.BasicResearchAbandonMonthly))
                    {
                        return false;
                    }
                    break;
                case ChainStage.ProofOfConcept:
                    if (random.Chance(hazards.Proof * (0.5 + quality)))
                    {
                        technology = technology.Advance(ChainStage.Transformation, 6, month);
                    }
                    else if (random.Chance(parameters.ProofAbandonMonthly))
                    {
                        return false;
                    }
                    break;
                case ChainStage.Transformation when hazards.Pilot:
                    if (month - technology.StageSince >= parameters.PilotMonths)
                    {
                        if (!random.Chance(parameters.PilotBaseSuccess + (parameters.PilotQualityWeight * quality)))
                        {
                            return false;
                        }
                        technology = technology.Advance(ChainStage.Financing, 7, month);
                    }
                    break;
                case ChainStage.Transformation:
                    if (random.Chance(hazards.Transformation * (0.5 + quality)))
                    {
                        technology = technology.Advance(ChainStage.Financing, 7, month);
                    }
                    else if (random.Chance(parameters.TransformationAbandonMonthly))
                    {
                        return false;
                    }
                    break;
                default:
                    // Financing: launched before the run (a product the holder already sells), or given up after its patience.
                    if (random.Chance(hazards.Finance * (0.3 + quality)) || month - technology.StageSince > parameters.FinancingPatienceMonths)
                    {
                        return false;
                    }
                    break;
            }
        }
        return true;
    }
}
