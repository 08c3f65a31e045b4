using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

/// <summary>The first message of a new firm: where it is, its sector, its cash and the technology it starts from.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct Founding(Technology Technology, City City, Zone Zone, Sector Sector, bool HasTechnology, double Cash);
