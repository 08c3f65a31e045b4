using System.Runtime.InteropServices;

namespace GbaSim.Model.Ecosystem;

public enum TalentLevel : byte
{
    Graduate,
    Professional,
    Senior,
}

/// <summary>Why people move.</summary>
public enum TalentMove : byte
{
    Graduate,
    Hire,
    Migrate,
    Second,
}

/// <summary>People moving, or asked for: <paramref name="Count"/> of a field and level, from one city to another.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct TalentFlow(TalentMove Move, Sector Field, TalentLevel Level, City From, City To, int Count);
