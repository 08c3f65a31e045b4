using GbaSim.Runtime.Identity;

namespace GbaSim.Runtime.Activation;

/// <summary>The grain types of a run: their names, and the factories that activate them on first message.</summary>
public sealed class GrainTypeRegistry<TMessage>
    where TMessage : unmanaged
{
    private readonly Dictionary<int, (string Name, Func<GrainId, Grain<TMessage>> Factory, Func<long, string>? KeyName)> _types = [];

    /// <summary>
    /// Registers a grain type. <paramref name="keyName"/> turns a key back into the name a person
    /// knows it by (keys of named grains are hashes), for error messages and inspection.
    /// </summary>
    public GrainType Add(string name, Func<GrainId, Grain<TMessage>> factory, Func<long, string>? keyName = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var type = GrainType.Of(name);
        if (_types.TryGetValue(type.Code, out var existing))
        {
            throw new InvalidOperationException(existing.Name == name
                ? $"Grain type '{name}' is registered twice."
                : $"Grain types '{existing.Name}' and '{name}' have the same code {type.Code}; rename one.");
        }
        _types.Add(type.Code, (name, factory, keyName));
        return type;
    }

    public string NameOf(GrainType type) =>
        type == GrainType.System ? "system" : _types.TryGetValue(type.Code, out var entry) ? entry.Name : type.ToString();

    /// <summary>A grain's readable name, such as <c>city/Shenzhen</c> or <c>agent/42</c>.</summary>
    public string Describe(GrainId id)
    {
        if (id == GrainId.System)
        {
            return "system";
        }
        if (!_types.TryGetValue(id.Type.Code, out var entry))
        {
            return id.ToString();
        }
        return $"{entry.Name}/{entry.KeyName?.Invoke(id.Key) ?? id.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Creates a grain of a registered type with its factory.</summary>
    public Grain<TMessage> Activate(GrainId id)
    {
        if (!_types.TryGetValue(id.Type.Code, out var entry))
        {
            throw new InvalidOperationException($"A message was sent to {id}, whose grain type is not registered.");
        }
        return entry.Factory(id);
    }

    internal void EnsureKnown(GrainType type)
    {
        if (!_types.ContainsKey(type.Code))
        {
            throw new InvalidOperationException($"Cannot create a grain of unregistered type {type}.");
        }
    }
}
