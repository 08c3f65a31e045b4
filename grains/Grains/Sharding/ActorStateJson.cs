using System.Text;
using System.Text.Json;
using GbaSim.Kernel.Actors;
using GbaSim.Kernel.Identity;
using GbaSim.Kernel.State;

namespace GbaSim.Grains.Sharding;

/// <summary>An actor's state as the JSON that inspection shows: its name, type, the step it has reached and its fields.</summary>
public static class ActorStateJson
{
    public static string Write<TMessage>(ActorId id, Actor<TMessage> actor, ActorTypeRegistry<TMessage> types, long step)
        where TMessage : unmanaged
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(types);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("grain", types.Describe(id));
            json.WriteString("type", types.NameOf(id.Type));
            json.WriteNumber("step", step);
            json.WriteStartObject("state");
            actor.WriteState(new JsonStateWriter(json));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
