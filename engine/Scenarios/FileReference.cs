namespace GbaSim.Engine.Scenarios;

/// <summary>
/// A file named by <c>extends</c> or <c>world</c>: as written (how errors name it, so that they
/// show nothing the writer did not write) and made absolute against the file that wrote it.
/// </summary>
internal readonly record struct FileReference(string Written, string FullPath);
