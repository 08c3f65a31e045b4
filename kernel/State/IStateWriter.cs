namespace GbaSim.Kernel.State;

/// <summary>
/// How an actor describes its state: once for the result hash (where names are ignored and
/// values are hashed bit for bit) and once for inspection (where names become JSON fields).
/// </summary>
public interface IStateWriter
{
    void Write(string name, long value);

    void Write(string name, double value);

    void Write(string name, bool value);

    void Write(string name, string value);

    void BeginObject(string name);

    void EndObject();

    void BeginArray(string name);

    void EndArray();
}
