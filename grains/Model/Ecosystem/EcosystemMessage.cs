using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>
/// Every message of the model: a kind and one payload, overlaid in one unmanaged value so that
/// the runtime moves it without allocating. Read only the payload its kind names.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
public readonly struct EcosystemMessage
{
    private const int PayloadOffset = 8;

    [FieldOffset(0)]
    private readonly MessageKind _kind;

    [FieldOffset(PayloadOffset)]
    private readonly TalentFlow _talent;

    [FieldOffset(PayloadOffset)]
    private readonly CapitalFlow _capital;

    [FieldOffset(PayloadOffset)]
    private readonly Deal _deal;

    [FieldOffset(PayloadOffset)]
    private readonly Founding _founding;

    [FieldOffset(PayloadOffset)]
    private readonly FirmReport _firmReport;

    [FieldOffset(PayloadOffset)]
    private readonly InstitutionReport _institutionReport;

    [FieldOffset(PayloadOffset)]
    private readonly ChainTransition _transition;

    [FieldOffset(PayloadOffset)]
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

    public static EcosystemMessage Of(MessageKind kind, TalentFlow talent) => With(kind, talent);

    public static EcosystemMessage Of(CapitalFlow capital) => With(MessageKind.Capital, capital);

    public static EcosystemMessage Of(MessageKind kind, Deal deal) => With(kind, deal);

    public static EcosystemMessage Of(Founding founding) => With(MessageKind.Founding, founding);

    public static EcosystemMessage Of(FirmReport report) => With(MessageKind.FirmReport, report);

    public static EcosystemMessage Of(InstitutionReport report) => With(MessageKind.InstitutionReport, report);

    public static EcosystemMessage Of(ChainTransition transition) => With(MessageKind.Transition, transition);

    public static EcosystemMessage Of(FlowRecord flow) => With(MessageKind.Flow, flow);

    /// <summary>Writes one payload where every payload is overlaid (offset 8); a fresh message is zeroed, so no stale bytes remain.</summary>
    private static EcosystemMessage With<TPayload>(MessageKind kind, in TPayload payload)
        where TPayload : unmanaged
    {
        var message = new EcosystemMessage(kind);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref Unsafe.As<EcosystemMessage, byte>(ref message), PayloadOffset), payload);
        return message;
    }

    private EcosystemMessage(MessageKind kind) => _kind = kind;
}
