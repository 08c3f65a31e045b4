using System.Reflection;

namespace GbaSim.Model.World;

/// <summary>What a model parameter measures, which decides the values it may take.</summary>
public enum ModelParameterKind
{
    /// <summary>A number at least 0: money, people, rates that may exceed 1.</summary>
    Amount,

    /// <summary>A share or probability in [0, 1].</summary>
    Share,

    /// <summary>A whole number of months, 1 to 1200.</summary>
    Months,

    /// <summary>A whole number at least 0 (people, items).</summary>
    Count,
}

/// <summary>
/// One model parameter: its name in files, its default, the values it may take and the range
/// sensitivity analysis varies it over (<see cref="Low"/> to <see cref="High"/>).
/// </summary>
public sealed record ModelParameterInfo(string Name, ModelParameterKind Kind, double Default, double Minimum, double Maximum, double Low, double High)
{
    public bool Whole => Kind is ModelParameterKind.Months or ModelParameterKind.Count;
}

/// <summary>
/// The name → parameter table of <see cref="ModelParameters"/>: the one place scenario and world
/// readers, sweeps, sensitivity analysis and calibration learn what each parameter may be.
/// A new parameter gets one line here; without one it counts as an amount (a count if whole)
/// varied ±50% around its default. Ranges left out are ±50% of the default, within the valid values.
/// </summary>
public static class ModelParameterCatalog
{
    private static readonly (string Property, ModelParameterKind Kind, double? Low, double? High)[] Lines =
    [
        Amount(nameof(ModelParameters.FirmTalentMedian)),
        Amount(nameof(ModelParameters.FirmTalentSpread)),
        Amount(nameof(ModelParameters.WageOverhead)),
        Amount(nameof(ModelParameters.ProductMonthlyRevenue)),
        Amount(nameof(ModelParameters.BaseRevenuePerTalentMonth)),
        Amount(nameof(ModelParameters.InitialCashMonths)),
        Amount(nameof(ModelParameters.StartUpCash)),
        Months(nameof(ModelParameters.DistressMonthsToClose)),
        Share(nameof(ModelParameters.FirmExitRate)),
        Share(nameof(ModelParameters.StartUpExitRate)),
        Share(nameof(ModelParameters.TalentAttritionMonthly)),
        Share(nameof(ModelParameters.TalentGrowthTarget)),
        Share(nameof(ModelParameters.ImitationLossRate)),
        Amount(nameof(ModelParameters.InventionPatentsPerTalent)),
        Amount(nameof(ModelParameters.OtherPatentsPerTalent)),
        Share(nameof(ModelParameters.OtherPatentsYearlyFall), 0, 0.2),
        Amount(nameof(ModelParameters.InstitutionInventionsPerResearcher)),
        Count(nameof(ModelParameters.HighTechMinimumAgeMonths), 6, 24),
        Count(nameof(ModelParameters.HighTechMinimumTalent)),
        Share(nameof(ModelParameters.StartUpFormationRate)),
        Amount(nameof(ModelParameters.ResultsPerResearcher)),
        Share(nameof(ModelParameters.BreakthroughMonthly)),
        Share(nameof(ModelParameters.BasicResearchAbandonMonthly)),
        Share(nameof(ModelParameters.SpinOffShare)),
        Amount(nameof(ModelParameters.IncubatorSpinOffBoost)),
        Amount(nameof(ModelParameters.ResearcherAnnualCost)),
        Months(nameof(ModelParameters.GrantMonths)),
        Amount(nameof(ModelParameters.FacilityApplicationsPerResearcher)),
        Amount(nameof(ModelParameters.FacilityProductivityBoost)),
        Months(nameof(ModelParameters.FacilityProjectMonths)),
        Share(nameof(ModelParameters.FacilityHkMacaoAccessFriction)),
        Months(nameof(ModelParameters.OfferLifetimeMonths)),
        Amount(nameof(ModelParameters.LicenceBasePrice)),
        Share(nameof(ModelParameters.LicenceMatchProbability), 0.3, 0.8),
        Amount(nameof(ModelParameters.LicenceValueSpread), 0.75, 2.25),
        Count(nameof(ModelParameters.PipelineTarget), 1, 3),
        Share(nameof(ModelParameters.TechnologyDemandShare)),
        Share(nameof(ModelParameters.SelfTransformationMonthly)),
        Share(nameof(ModelParameters.TransformationAbandonMonthly)),
        Months(nameof(ModelParameters.PilotMonths)),
        Share(nameof(ModelParameters.PilotBaseSuccess)),
        Share(nameof(ModelParameters.PilotQualityWeight)),
        Months(nameof(ModelParameters.ProofOfConceptMonths)),
        Share(nameof(ModelParameters.ProofOfConceptBaseSuccess)),
        Share(nameof(ModelParameters.ProofOfConceptQualityWeight)),
        Share(nameof(ModelParameters.SelfProofMonthly)),
        Share(nameof(ModelParameters.ProofAbandonMonthly)),
        Amount(nameof(ModelParameters.FinancingNeed)),
        Share(nameof(ModelParameters.FundApprovalBase), 0.3, 0.8),
        Months(nameof(ModelParameters.FinancingPatienceMonths)),
        Share(nameof(ModelParameters.SelfFinancingMonthly)),
        Share(nameof(ModelParameters.InvestorReturnShare)),
        Amount(nameof(ModelParameters.FundAnnualInflow)),
        Months(nameof(ModelParameters.IncubationMonths)),
        Share(nameof(ModelParameters.IncubatorCostReduction)),
        Share(nameof(ModelParameters.IncubatorExitReduction)),
        Share(nameof(ModelParameters.DataListingMonthly)),
        Months(nameof(ModelParameters.DataListingMonths)),
        Share(nameof(ModelParameters.DataPurchaseMonthly)),
        Amount(nameof(ModelParameters.DataProductPrice)),
        Months(nameof(ModelParameters.DataProductMonths)),
        Amount(nameof(ModelParameters.DataProductUplift)),
        Share(nameof(ModelParameters.RelocationReviewYearly)),
        Amount(nameof(ModelParameters.RelocationInertia)),
        Amount(nameof(ModelParameters.RelocationCostSensitivity)),
        Amount(nameof(ModelParameters.RelocationTalentSensitivity)),
        Amount(nameof(ModelParameters.RelocationCostMonths)),
        Share(nameof(ModelParameters.MigrationMonthly)),
        Amount(nameof(ModelParameters.MigrationSensitivity)),
        Share(nameof(ModelParameters.DefaultTalentLoss)),
        Share(nameof(ModelParameters.DefaultTechnologyLoss)),
        Share(nameof(ModelParameters.DefaultCapitalLoss)),
        Share(nameof(ModelParameters.GraduateFieldConcentration)),
        Share(nameof(ModelParameters.GraduateResearchShare)),
        Amount(nameof(ModelParameters.StartUpHiresMonthly)),
        Share(nameof(ModelParameters.TalentPoolExitMonthly)),
        Share(nameof(ModelParameters.GraduatePromotionMonthly)),
    ];

    /// <summary>Every parameter of <see cref="ModelParameters"/>, in the order the record declares them.</summary>
    public static IReadOnlyList<ModelParameterInfo> All { get; } = Build();

    /// <summary>Every parameter's name as files write it (camelCase).</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The parameter named as in files, or null.</summary>
    public static ModelParameterInfo? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    private static IReadOnlyList<ModelParameterInfo> Build()
    {
        var lines = Lines.ToDictionary(l => l.Property, StringComparer.Ordinal);
        return typeof(ModelParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(double) || p.PropertyType == typeof(int)))
            .Select(p =>
            {
                var line = lines.TryGetValue(p.Name, out var l) ? l : (p.Name, p.PropertyType == typeof(int) ? ModelParameterKind.Count : ModelParameterKind.Amount, null, null);
                return Describe(char.ToLowerInvariant(p.Name[0]) + p.Name[1..], line.Kind, Convert.ToDouble(p.GetValue(ModelParameters.Default), System.Globalization.CultureInfo.InvariantCulture), line.Low, line.High);
            })
            .ToArray();
    }

    private static ModelParameterInfo Describe(string name, ModelParameterKind kind, double value, double? low, double? high)
    {
        var (minimum, maximum) = kind switch
        {
            ModelParameterKind.Share => (0.0, 1.0),
            // A century of months, as the longest run; whole numbers must fit the model's int fields.
            ModelParameterKind.Months => (1.0, 1200.0),
            ModelParameterKind.Count => (0.0, int.MaxValue),
            _ => (0.0, double.PositiveInfinity),
        };
        var whole = kind is ModelParameterKind.Months or ModelParameterKind.Count;
        // Half to one and a half times the default: wide enough to show an effect, narrow enough to stay plausible.
        var from = Math.Max(minimum, low ?? (whole ? Math.Floor(value * 0.5) : value * 0.5));
        var to = Math.Min(maximum, high ?? (whole ? Math.Ceiling(value * 1.5) : value * 1.5));
        return new ModelParameterInfo(name, kind, value, minimum, maximum, from, to);
    }

    private static (string, ModelParameterKind, double?, double?) Amount(string property, double? low = null, double? high = null) => (property, ModelParameterKind.Amount, low, high);

    private static (string, ModelParameterKind, double?, double?) Share(string property, double? low = null, double? high = null) => (property, ModelParameterKind.Share, low, high);

    private static (string, ModelParameterKind, double?, double?) Months(string property, double? low = null, double? high = null) => (property, ModelParameterKind.Months, low, high);

    private static (string, ModelParameterKind, double?, double?) Count(string property, double? low = null, double? high = null) => (property, ModelParameterKind.Count, low, high);
}
