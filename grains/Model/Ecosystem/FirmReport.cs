using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

[Flags]
public enum FirmStatus : byte
{
    None = 0,
    HighTech = 1,
    Born = 2,
    Closed = 4,
    StartUp = 8,
    Incubated = 16,
    BecameHighTech = 32,
}

/// <summary>A firm's monthly figures, sent to its city.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct FirmReport(
    Sector Sector,
    FirmStatus Status,
    short Products,
    int Talent,
    int InventionPatents,
    int OtherPatents,
    double Revenue,
    double Cash);

/// <summary>An institution's monthly figures, sent to its city.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct InstitutionReport(
    InstitutionKind Kind,
    int Researchers,
    int Results,
    int InventionPatents,
    int Graduates,
    int FacilityProjects,
    int FacilityProjectsHkMacao,
    double TransactionValue);
