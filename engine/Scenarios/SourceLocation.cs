namespace GbaSim.Engine.Scenarios;

/// <summary>Where in a file something was written: 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
