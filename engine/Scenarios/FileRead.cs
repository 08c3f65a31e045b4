namespace GbaSim.Engine.Scenarios;

/// <summary>
/// What <see cref="ScenarioFiles.Read"/> found: the file's text, or why it was not read.
/// <see cref="Path"/> is where the file really is, its links followed.
/// </summary>
public readonly record struct FileRead(string Path, string? Text, FileRefusal? Refusal)
{
    public static FileRead Refused(string path, FileRefusal refusal) => new(path, null, refusal);
}
