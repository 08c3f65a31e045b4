using System.Text.Json;

namespace GbaSim.Kernel.State;

/// <summary>Writes an actor's state as a JSON object, for inspection.</summary>
public sealed class JsonStateWriter(Utf8JsonWriter json) : IStateWriter
{
    public void Write(string name, long value) => json.WriteNumber(name, value);

    public void Write(string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Write(string name, bool value) => json.WriteBoolean(name, value);

    public void Write(string name, string value) => json.WriteString(name, value);

    public void BeginObject(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }
    }

    public void EndObject() => json.WriteEndObject();

    public void BeginArray(string name) => json.WriteStartArray(name);

    public void EndArray() => json.WriteEndArray();
}
