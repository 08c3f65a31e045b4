using GbaSim.Model.Chain;
using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>What every institution shares: its definition from the world file, and its monthly report to its city.</summary>
public abstract class Institution(WorldModel world, int index) : EcosystemActor(world)
{
    public int Index { get; } = index;

    public InstitutionDefinition Definition => World.Institutions[Index];

    public City City => Definition.City;

    /// <summary>Income received from licences, fees and repayments, in yuan.</summary>
    public double Income { get; protected set; }

    /// <summary>A size from the world file, scaled with the firm sample so that supply and demand keep their proportions.</summary>
    protected double Scaled(double value) => value * World.Scale;

    protected void Report(ActorContext<EcosystemMessage> context, in InstitutionReport report) =>
        context.Send(ModelActors.CityId(City), EcosystemMessage.Of(report));

    public override void WriteState(IStateWriter writer)
    {
        writer.Write("key", Definition.Key);
        writer.Write("name", Definition.Name);
        writer.Write("kind", Definition.Kind.FileName());
        writer.Write("city", City.DisplayName());
        writer.Write("zone", Definition.Zone.FileName());
        writer.Write("income", Income);
        WriteOwnState(writer);
    }

    protected abstract void WriteOwnState(IStateWriter writer);

    /// <summary>
    /// A copy in <paramref name="world"/>: a new grain of the institution's kind there (as
    /// <see cref="Create"/> makes it), given this one's income and then its own state.
    /// </summary>
    protected sealed override EcosystemActor Fresh(WorldModel world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var copy = Create(world, Index);
        if (copy.GetType() != GetType())
        {
            throw new InvalidOperationException($"Institution {Definition.Key} is a {Definition.Kind.FileName()} here but a {copy.Definition.Kind.FileName()} in the world it is copied into.");
        }
        return copy;
    }

    public sealed override void Save(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Income);
        SaveOwnState(writer);
    }

    public sealed override void Restore(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Income = reader.Read<double>();
        RestoreOwnState(reader);
    }

    /// <summary>Writes the state of the institution's kind.</summary>
    protected abstract void SaveOwnState(SnapshotWriter writer);

    /// <summary>Takes the state <see cref="SaveOwnState"/> wrote.</summary>
    protected abstract void RestoreOwnState(SnapshotReader reader);

    /// <summary>Creates the grain for an institution according to its kind.</summary>
    public static Institution Create(WorldModel world, int index) => world.Institutions[index].Kind switch
    {
        InstitutionKind.University or InstitutionKind.ResearchInstitute or InstitutionKind.NationalLaboratory => new ResearchInstitution(world, index),
        InstitutionKind.MajorFacility => new MajorFacility(world, index),
        InstitutionKind.TechnologyTransferCentre => new TechnologyTransferCentre(world, index),
        InstitutionKind.PilotPlatform or InstitutionKind.ProofOfConceptCentre => new PilotPlatform(world, index),
        InstitutionKind.Incubator => new Incubator(world, index),
        InstitutionKind.DataExchange => new DataExchange(world, index),
        _ => new Fund(world, index),
    };
}
