using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.Firms;
using GbaSim.Model.Institutions;
using GbaSim.Model.Municipalities;
using GbaSim.Model.Policies;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;

namespace GbaSim.Model;

/// <summary>The model's grain types, registered with the factories that activate them.</summary>
public static class EcosystemModel
{
    public static ActorTypeRegistry<EcosystemMessage> Register(WorldModel world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var types = new ActorTypeRegistry<EcosystemMessage>();
        types.Add("city", id => new CityEconomy(world, (City)id.Key), world.CityName);
        types.Add("institution", id => Institution.Create(world, (int)id.Key), world.InstitutionName);
        types.Add("firm", _ => new Firm(world), ModelActors.FirmName);
        types.Add("ledger", id => new ChainLedger(world, (City)id.Key), world.CityName);
        types.Add("policy", id => new PolicyProgramme(world, (int)id.Key), world.PolicyName);
        return types;
    }
}
