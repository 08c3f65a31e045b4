using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbaSim.Grains.Contracts;

/// <summary>
/// Every message of the model: a kind and one payload, overlaid in one unmanaged value so that
/// the runtime moves it without allocating. Read only the payload its kind names.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public readonly struct EcosystemMessage
{
    [FieldOffset(0)]
    private readonly MessageKind _kind;

    [FieldOffset(8)]
    private readonly TalentFlow _talent;

    [FieldOffset(8)]
    private readonly CapitalFlow _capital;

    [FieldOffset(8)]
    private readonly Deal _deal;

    [FieldOffset(8)]
    private readonly Founding _founding;

    [FieldOffset(8)]
    private readonly FirmReport _firmReport;

    [FieldOffset(8)]
    private readonly InstitutionReport _institutionReport;

    [FieldOffset(8)]
    private readonly ChainTransition _transition;

    [FieldOffset(8)]
    private readonly FlowRecord _flow;

    public MessageKind Kind => _kind;

    public TalentFlow Talent => _talent;

    public CapitalFlow Capital => _capital;

    public Deal Deal => _deal;

    public Founding Founding => _founding;

    public FirmReport FirmReport => _firmReport;

    public InstitutionReport InstitutionReport => _institutionReport;

    public ChainTransition Transition => _transition;

    public FlowRecord Flow => _flow;

    public static EcosystemMessage Of(MessageKind kind, TalentFlow talent)
    {
        var message = new EcosystemMessage(kind);
        Unsafe.AsRef(in message._talent) = talent;
        return message;
    }

    public static EcosystemMessage Of(CapitalFlow capital)
    {
        var message = new EcosystemMessage(MessageKind.Capital);
        Unsafe.AsRef(in message._capital) = capital;
        return message;
    }

    public static EcosystemMessage Of(MessageKind kind, Deal deal)
    {
        var message = new EcosystemMessage(kind);
        Unsafe.AsRef(in message._deal) = deal;
        return message;
    }

    public static EcosystemMessage Of(Founding founding)
    {
        var message = new EcosystemMessage(MessageKind.Founding);
        Unsafe.AsRef(in message._founding) = founding;
        return message;
    }

    public static EcosystemMessage Of(FirmReport report)
    {
        var message = new EcosystemMessage(MessageKind.FirmReport);
        Unsafe.AsRef(in message._firmReport) = report;
        return message;
    }

    public static EcosystemMessage Of(InstitutionReport report)
    {
        var message = new EcosystemMessage(MessageKind.InstitutionReport);
        Unsafe.AsRef(in message._institutionReport) = report;
        return message;
    }

    public static EcosystemMessage Of(ChainTransition transition)
    {
        var message = new EcosystemMessage(MessageKind.Transition);
        Unsafe.AsRef(in message._transition) = transition;
        return message;
    }

    public static EcosystemMessage Of(FlowRecord flow)
    {
        var message = new EcosystemMessage(MessageKind.Flow);
        Unsafe.AsRef(in message._flow) = flow;
        return message;
    }

    // A fresh local is zeroed, so writing one overlaid payload leaves no stale bytes from another.
    private EcosystemMessage(MessageKind kind) => _kind = kind;
}
