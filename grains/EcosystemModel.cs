using GbaSim.Grains.Chain;
using GbaSim.Grains.Contracts;
using GbaSim.Grains.Firms;
using GbaSim.Grains.Institutions;
using GbaSim.Grains.Municipalities;
using GbaSim.Grains.Policies;
using GbaSim.Grains.World;
using GbaSim.Runtime.Activation;

namespace GbaSim.Grains;

/// <summary>The model's grain types, registered with the factories that activate them.</summary>
public static class EcosystemModel
{
    public static GrainTypeRegistry<EcosystemMessage> Register(WorldModel world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var types = new GrainTypeRegistry<EcosystemMessage>();
        types.Add("city", id => new CityEconomy(world, (City)id.Key), world.CityName);
        types.Add("institution", id => Institution.Create(world, (int)id.Key), world.InstitutionName);
        types.Add("firm", _ => new Firm(world), ModelGrainTypes.FirmName);
        types.Add("ledger", id => new ChainLedger(world, (City)id.Key), world.CityName);
        types.Add("policy", id => new PolicyProgramme(world, (int)id.Key), world.PolicyName);
        return types;
    }
}
