namespace GbaSim.Model.World;

/// <summary>
/// Every behavioural parameter of the model, with its default. The world file may override any
/// of them by name under <c>parameters:</c>; docs/model.md gives each one's source or
/// assumption. Rates are per year unless the name says otherwise; money is in yuan.
/// </summary>
public sealed record ModelParameters
{
    // Firms: people, money and output.
    public double FirmTalentMedian { get; init; } = 10;
    public double FirmTalentSpread { get; init; } = 0.9;
    public double WageOverhead { get; init; } = 0.55;
    public double ProductMonthlyRevenue { get; init; } = 1_100_000;
    public double BaseRevenuePerTalentMonth { get; init; } = 36_000;
    public double InitialCashMonths { get; init; } = 10;
    public double StartUpCash { get; init; } = 3_000_000;
    public int DistressMonthsToClose { get; init; } = 6;
    public double FirmExitRate { get; init; } = 0.025;
    public double StartUpExitRate { get; init; } = 0.12;
    public double TalentAttritionMonthly { get; init; } = 0.008;
    public double TalentGrowthTarget { get; init; } = 0.08;
    public double ImitationLossRate { get; init; } = 0.10;

    // Patents granted per R&D worker a year (all patenting firms stand behind the high-tech ones).
    public double InventionPatentsPerTalent { get; init; } = 0.0724;
    public double OtherPatentsPerTalent { get; init; } = 0.616;
    public double OtherPatentsYearlyFall { get; init; } = 0.143;
    public double InstitutionInventionsPerResearcher { get; init; } = 0.08;
    public double InventionsPerBreakthrough { get; init; } = 2.45;

    // High-tech enterprise status for firms born during the run.
    public int HighTechMinimumAgeMonths { get; init; } = 12;
    public int HighTechMinimumTalent { get; init; } = 5;

    // New firms not born of a technology (entrepreneurs), per existing firm a year.
    public double StartUpFormationRate { get; init; } = 0.731;
    public double FirmRoomMultiple { get; init; } = 2.0;

    // Firms' own R&D (projects per R&D worker a year) and their collaboration ties.
    public double FirmProjectsPerTalent { get; init; } = 0.008;
    public double FirmBreakthroughMonthly { get; init; } = 0.0048;
    public double FirmProjectQuality { get; init; } = 0.45;
    public double CollaborationShare { get; init; } = 0.2;
    public double TieDecayMonthly { get; init; } = 0.05;

    // How talent sets the pace of the chain, and where production happens.
    public double TalentHazardElasticity { get; init; } = 0.3;
    public double HongKongMacaoProductionFactor { get; init; } = 0.35;

    // The chain: basic research at institutions.
    public double ResultsPerResearcher { get; init; } = 0.06;
    public double BreakthroughMonthly { get; init; } = 0.009;
    public double BasicResearchAbandonMonthly { get; init; } = 0.006;
    public double SpinOffShare { get; init; } = 0.08;
    public double IncubatorSpinOffBoost { get; init; } = 0.6;
    public double ResearcherAnnualCost { get; init; } = 450_000;
    public int GrantMonths { get; init; } = 36;

    // Major facilities.
    public double FacilityApplicationsPerResearcher { get; init; } = 0.04;
    public double FacilityProductivityBoost { get; init; } = 0.35;
    public int FacilityProjectMonths { get; init; } = 6;
    public double FacilityProjectTeam { get; init; } = 8;
    public double FacilityHkMacaoAccessFriction { get; init; } = 0.33;

    // Technology transfer.
    public int OfferLifetimeMonths { get; init; } = 18;
    public double LicenceBasePrice { get; init; } = 6_000_000;
    public double LicenceMatchProbability { get; init; } = 0.55;
    public double LicenceValueSpread { get; init; } = 1.8;
    public int PipelineTarget { get; init; } = 1;
    public double TechnologyDemandShare { get; init; } = 0.05;

    // Transformation: the valley of death.
    public double SelfTransformationMonthly { get; init; } = 0.015;
    public double TransformationAbandonMonthly { get; init; } = 0.035;
    public int PilotMonths { get; init; } = 6;
    public double PilotBaseSuccess { get; init; } = 0.35;
    public double PilotQualityWeight { get; init; } = 0.45;

    // Proof of concept, before pilot testing.
    public int ProofOfConceptMonths { get; init; } = 4;
    public double ProofOfConceptBaseSuccess { get; init; } = 0.45;
    public double ProofOfConceptQualityWeight { get; init; } = 0.5;
    public double SelfProofMonthly { get; init; } = 0.12;
    public double ProofAbandonMonthly { get; init; } = 0.02;

    // Financing.
    public double FinancingNeed { get; init; } = 12_000_000;
    public double FundApprovalBase { get; init; } = 0.3;
    public int FinancingPatienceMonths { get; init; } = 12;
    public double SelfFinancingMonthly { get; init; } = 0.04;
    public double InvestorReturnShare { get; init; } = 0.04;
    public double FundAnnualInflow { get; init; } = 0.15;

    // Incubation.
    public int IncubationMonths { get; init; } = 24;
    public double IncubatorCostReduction { get; init; } = 0.35;
    public double IncubatorExitReduction { get; init; } = 0.5;

    // Data exchange: firms list and buy data products.
    public double DataListingMonthly { get; init; } = 0.02;
    public int DataListingMonths { get; init; } = 12;
    public double DataPurchaseMonthly { get; init; } = 0.01;
    public double DataProductPrice { get; init; } = 240_000;
    public int DataProductMonths { get; init; } = 12;
    public double DataProductUplift { get; init; } = 0.2;

    // Firms moving between cities and zones of their territory.
    public double RelocationReviewYearly { get; init; } = 0.03;
    public double RelocationInertia { get; init; } = 3.0;
    public double RelocationCostSensitivity { get; init; } = 2.0;
    public double RelocationTalentSensitivity { get; init; } = 0.5;
    public double RelocationCostMonths { get; init; } = 2;

    // Talent markets and migration.
    public double MigrationMonthly { get; init; } = 0.006;
    public double MigrationSensitivity { get; init; } = 2.5;
    public double RelocationStayYears { get; init; } = 4;
    public double DefaultTalentLoss { get; init; } = 0.05;
    public double DefaultTechnologyLoss { get; init; } = 0.02;
    public double DefaultCapitalLoss { get; init; } = 0.01;
    public double GraduateFieldConcentration { get; init; } = 0.7;
    public double GraduateResearchShare { get; init; } = 0.5;
    public double StartUpHiresMonthly { get; init; } = 0.6;
    public double TalentPoolExitMonthly { get; init; } = 0.02;
    public double GraduatePromotionMonthly { get; init; } = 0.04;

    public static ModelParameters Default { get; } = new();

    /// <summary>The names of every parameter, as they appear in world files.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(ModelParameters).GetProperties()
        .Where(p => p.CanWrite && p.PropertyType is var t && (t == typeof(double) || t == typeof(int)))
        .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
        .ToArray();

    /// <summary>A copy with one parameter, named as in world files, set to <paramref name="value"/>.</summary>
    public ModelParameters With(string name, double value)
    {
        var property = typeof(ModelParameters).GetProperties()
            .FirstOrDefault(p => p.CanWrite && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model parameter '{name}'.", nameof(name));
        var copy = this with { };
        property.SetValue(copy, property.PropertyType == typeof(int) ? (object)checked((int)value) : value);
        return copy;
    }

    public double Get(string name)
    {
        var property = typeof(ModelParameters).GetProperties()
            .First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return Convert.ToDouble(property.GetValue(this), System.Globalization.CultureInfo.InvariantCulture);
    }
}
