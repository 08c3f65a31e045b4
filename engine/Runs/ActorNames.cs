using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Identity;

namespace GbaSim.Engine.Runs;

/// <summary>
/// Grain names as people write them (<c>city/Shenzhen</c>, <c>institution/hkust</c>,
/// <c>firm/sz-ict-00042</c>, <c>ledger/Hong Kong</c>, <c>policy/csns-phase-two</c>) and the
/// identities they stand for.
/// </summary>
public static class ActorNames
{
    public static IReadOnlyList<string> Types { get; } = ["city", "institution", "firm", "ledger", "policy"];

    public static bool TryParse(WorldModel world, string type, string key, out ActorId id)
    {
        ArgumentNullException.ThrowIfNull(world);
        id = default;
        switch (type.ToLowerInvariant())
        {
            case "city" when Cities.TryParse(key, out var city):
                id = ModelActors.CityId(city);
                return true;
            case "ledger" when Cities.TryParse(key, out var ledgerCity):
                id = ModelActors.LedgerId(ledgerCity);
                return true;
            case "institution" when world.TryFindInstitution(key, out var index):
                id = ModelActors.InstitutionId(index);
                return true;
            case "firm" when ModelActors.TryParseFirm(key, out var firm):
                id = ModelActors.FirmIdFromKey(firm);
                return true;
            case "policy":
                var policy = world.Schedule.Policies.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
                if (policy is null)
                {
                    return false;
                }
                id = ModelActors.PolicyId(policy.Index);
                return true;
            default:
                return false;
        }
    }
}
