using GbaSim.Model.Ecosystem;
using GbaSim.Model.Policies;

namespace GbaSim.Engine.Yaml;

/// <summary>The names that world and scenario files use for the model's enumerations.</summary>
internal static class Vocabularies
{
    public static Vocabulary<City> City { get; } = new(
        "city", "cities", Cities.TryParse, Cities.All.Select(c => c.DisplayName()).ToArray());

    /// <summary>Zones including "none", for an institution's location.</summary>
    public static Vocabulary<Zone> ZoneOrNone { get; } = new(
        "zone", "zones", Zones.TryParse, Zones.All.Select(z => z.FileName()).ToArray());

    /// <summary>Real zones only, for shares and policy scopes, where "none" has no meaning.</summary>
    public static Vocabulary<Zone> Zone { get; } = new(
        "zone",
        "zones",
        (string name, out Zone zone) => Zones.TryParse(name, out zone) && zone != Model.Ecosystem.Zone.None,
        Zones.All.Where(z => z != Model.Ecosystem.Zone.None).Select(z => z.FileName()).ToArray());

    public static Vocabulary<Sector> Sector { get; } = new(
        "sector", "sectors", Sectors.TryParse, Sectors.All.Select(s => s.Code()).ToArray());

    public static Vocabulary<InstitutionKind> InstitutionKind { get; } = new(
        "institution kind", "institution kinds", InstitutionKinds.TryParse, InstitutionKinds.All.Select(k => k.FileName()).ToArray());

    public static Vocabulary<ChainStage> ChainStage { get; } = new(
        "chain stage", "chain stages", ChainStages.TryParse, ChainStages.All.Select(s => s.FileName()).ToArray());

    public static Vocabulary<PolicyType> PolicyType { get; } = new(
        "policy type", "policy types", PolicyCatalog.TryParse, PolicyCatalog.All.Select(PolicyCatalog.NameOf).ToArray(), ListAll: true);

    public static Vocabulary<BudgetPeriod> BudgetPeriod { get; } = new(
        "budget period", "budget periods", BudgetPeriods.TryParse, BudgetPeriods.All.Select(p => p.FileName()).ToArray(), ListAll: true);
}
