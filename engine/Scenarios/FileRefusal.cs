namespace GbaSim.Engine.Scenarios;

/// <summary>Why <see cref="ScenarioFiles"/> did not read a file.</summary>
public enum FileRefusal
{
    /// <summary>There is no such file.</summary>
    Missing,

    /// <summary>The file (after following its links) lies outside the root.</summary>
    Outside,

    /// <summary>The file's name does not end in <c>.yaml</c> or <c>.yml</c>.</summary>
    NotYaml,

    /// <summary>The path is a folder.</summary>
    Folder,

    /// <summary>The file is empty or is not a regular file (a device, pipe or socket, which report no size).</summary>
    NotRegular,

    /// <summary>The file is larger than <see cref="ScenarioFiles.MaxFileBytes"/>.</summary>
    TooLarge,

    /// <summary>The file did not arrive within <see cref="ScenarioFiles.ReadTimeout"/>.</summary>
    TooSlow,

    /// <summary>The file holds NUL characters, so it is not text.</summary>
    NotText,

    /// <summary>The operating system refused to give the file (permissions, a link loop, an I/O error).</summary>
    Unreadable,
}
