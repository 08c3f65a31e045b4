using GbaSim.Kernel.Identity;

namespace GbaSim.Kernel.Actors;

/// <summary>The actor types of a run: their names, and the factories that activate them on first message.</summary>
public sealed class ActorTypeRegistry<TMessage>
    where TMessage : unmanaged
{
    private readonly Dictionary<int, (string Name, Func<ActorId, Actor<TMessage>> Factory, Func<long, string>? KeyName)> _types = [];

    /// <summary>
    /// Registers an actor type. <paramref name="keyName"/> turns a key back into the name a person
    /// knows it by (keys of named actors are hashes), for error messages and inspection.
    /// </summary>
    public ActorType Add(string name, Func<ActorId, Actor<TMessage>> factory, Func<long, string>? keyName = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var type = ActorType.Of(name);
        if (_types.TryGetValue(type.Code, out var existing))
        {
            throw new InvalidOperationException(existing.Name == name
                ? $"Grain type '{name}' is registered twice."
                : $"Grain types '{existing.Name}' and '{name}' have the same code {type.Code}; rename one.");
        }
        _types.Add(type.Code, (name, factory, keyName));
        return type;
    }

    public string NameOf(ActorType type) =>
        type == ActorType.System ? "system" : _types.TryGetValue(type.Code, out var entry) ? entry.Name : type.ToString();

    /// <summary>An actor's readable name, such as <c>city/Shenzhen</c> or <c>agent/42</c>.</summary>
    public string Describe(ActorId id)
    {
        if (id == ActorId.System)
        {
            return "system";
        }
        if (!_types.TryGetValue(id.Type.Code, out var entry))
        {
            return id.ToString();
        }
        return $"{entry.Name}/{entry.KeyName?.Invoke(id.Key) ?? id.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The same types and names with one factory for all of them: for a shard whose actors live
    /// elsewhere and that keeps only stand-ins for their slots.
    /// </summary>
    public ActorTypeRegistry<TMessage> WithFactory(Func<ActorId, Actor<TMessage>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var copy = new ActorTypeRegistry<TMessage>();
        foreach (var (code, entry) in _types)
        {
            copy._types.Add(code, (entry.Name, factory, entry.KeyName));
        }
        return copy;
    }

    /// <summary>Creates an actor of a registered type with its factory.</summary>
    public Actor<TMessage> Activate(ActorId id)
    {
        if (!_types.TryGetValue(id.Type.Code, out var entry))
        {
            throw new InvalidOperationException($"A message was sent to {id}, whose actor type is not registered.");
        }
        return entry.Factory(id);
    }

    public void EnsureKnown(ActorType type)
    {
        if (!_types.ContainsKey(type.Code))
        {
            throw new InvalidOperationException($"Cannot create an actor of unregistered type {type}.");
        }
    }
}
