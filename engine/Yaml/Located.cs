using GbaSim.Engine.Scenarios;

namespace GbaSim.Engine.Yaml;

/// <summary>
/// A value read from a file together with where it was written, so that checks made later (after
/// <c>extends</c> merges files, or against the world) can still point at the right line.
/// </summary>
internal readonly record struct Located<T>(T Value, SourceLocation Location);
