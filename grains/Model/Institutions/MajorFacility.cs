using GbaSim.Model.Ecosystem;
using GbaSim.Model.World;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Snapshots;
using GbaSim.Kernel.State;

namespace GbaSim.Model.Institutions;

/// <summary>
/// A major science facility, such as the China Spallation Neutron Source: a limited number of
/// user projects each quarter, allocated to the strongest applications from every city.
/// Applicants from Hong Kong and Macao meet an access friction that open-access policies lift.
/// </summary>
public sealed class MajorFacility(WorldModel world, int index) : Institution(world, index)
{
    private readonly List<(long Institution, City City, double Score)> _applications = [];
    private double _carry;

    public long Projects { get; private set; }

    public long ProjectsHkMacao { get; private set; }

    public long Applications { get; private set; }

    public override void OnStep(ActorContext<EcosystemMessage> context)
    {
        var (extraPerYear, openAccess) = World.Schedule.FacilityBonus(context.Step, Definition.Key, City);
        foreach (var envelope in context.Inbox)
        {
            if (envelope.Message.Kind != MessageKind.FacilityApplication)
            {
                continue;
            }
            var deal = envelope.Message.Deal;
            var applicant = World.Institutions[(int)deal.Counterpart].City;
            var access = applicant.IsHongKongOrMacao() ? 1 - (Parameters.FacilityHkMacaoAccessFriction * (1 - openAccess)) : 1.0;
            _applications.Add((deal.Counterpart, applicant, deal.Technology.Quality * access * (0.75 + (0.5 * context.Random.NextDouble()))));
            Applications++;
        }

        int granted = 0, grantedHkMacao = 0;
        if (context.Step % 3 == 2)
        {
            (granted, grantedHkMacao) = Allocate(context, Scaled(Definition.Capacity + extraPerYear) / 4);
        }
        Report(context, new InstitutionReport(Definition.Kind, 0, 0, 0, 0, granted, grantedHkMacao, 0));
    }

    /// <summary>Grants the quarter's places to the best-scored applications; fractional places carry over.</summary>
    private (int Granted, int HkMacao) Allocate(ActorContext<EcosystemMessage> context, double places)
    {
        _carry += places;
        var slots = (int)Math.Floor(_carry);
        _carry -= slots;
        _applications.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Institution.CompareTo(b.Institution));
        var granted = Math.Min(slots, _applications.Count);
        var hkMacao = 0;
        for (var i = 0; i < granted; i++)
        {
            var (institution, city, _) = _applications[i];
            if (city.IsHongKongOrMacao())
            {
                hkMacao++;
            }
            context.Send(ModelActors.InstitutionId((int)institution), EcosystemMessage.Of(MessageKind.FacilityGrant, new Deal(default, Parameters.FacilityProjectMonths, Index, true)));
        }
        _applications.Clear();
        Projects += granted;
        ProjectsHkMacao += hkMacao;
        return (granted, hkMacao);
    }

    protected override void SaveOwnState(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteList(_applications);
        writer.Write(_carry);
        writer.Write(Projects);
        writer.Write(ProjectsHkMacao);
        writer.Write(Applications);
    }

    protected override void RestoreOwnState(SnapshotReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadList(_applications);
        _carry = reader.Read<double>();
        Projects = reader.Read<long>();
        ProjectsHkMacao = reader.Read<long>();
        Applications = reader.Read<long>();
    }

    protected override void WriteOwnState(IStateWriter writer)
    {
        writer.Write("capacityPerYear", Scaled(Definition.Capacity));
        writer.Write("projects", Projects);
        writer.Write("projectsHkMacao", ProjectsHkMacao);
        writer.Write("applications", Applications);
        writer.Write("pendingApplications", _applications.Count);
    }
}
