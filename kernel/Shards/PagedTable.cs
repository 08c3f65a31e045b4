using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GbaSim.Kernel.Shards;

/// <summary>
/// A fixed-length, zeroed array outside the garbage-collected heap, laid on 2 MB pages where Linux
/// grants them. Delivery reads and writes a shard's directory, mail counts and inbox at random
/// places; on 4 KB pages nearly every such access also misses the address-translation cache,
/// which in a virtual machine costs about as much as the memory access itself.
/// </summary>
internal sealed unsafe class PagedTable<T> : IDisposable
    where T : unmanaged
{
    private const nuint LargePage = 2 << 20;

    /// <summary>Below this a table stays on ordinary pages: a large page for it would mostly hold nothing.</summary>
    private const nuint LargePageThreshold = 1 << 20;

    private const int AdviseHugePage = 14;

    private T* _items;

    public PagedTable(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = (nuint)Math.Max(1, length) * (nuint)sizeof(T);
        var large = bytes >= LargePageThreshold;
        Bytes = large ? (bytes + LargePage - 1) & ~(LargePage - 1) : bytes;
        _items = (T*)NativeMemory.AlignedAlloc(Bytes, large ? LargePage : 64);
        if (large && OperatingSystem.IsLinux())
        {
            // Advice only: where the system says no, the table works the same on small pages.
            _ = LargePageAdvice.Madvise((nint)_items, Bytes, AdviseHugePage);
        }
        NativeMemory.Clear(_items, Bytes);
        GC.AddMemoryPressure((long)Bytes);
    }

    ~PagedTable() => Free();

    public int Length { get; }

    private nuint Bytes { get; }

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowOutOfRange(index);
            }
            return ref _items[index];
        }
    }

    public Span<T> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_items, Length);
    }

    /// <summary>The address of an element, for prefetching; never dereferenced past the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T* AddressOf(int index) => _items + index;

    /// <summary>A table of <paramref name="length"/> holding this one's elements first; this one is freed.</summary>
    public PagedTable<T> Grown(int length)
    {
        var larger = new PagedTable<T>(length);
        Span[..Math.Min(Length, length)].CopyTo(larger.Span);
        Dispose();
        return larger;
    }

    public void Clear() => NativeMemory.Clear(_items, (nuint)Length * (nuint)sizeof(T));

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_items is not null)
        {
            NativeMemory.AlignedFree(_items);
            _items = null;
            GC.RemoveMemoryPressure((long)Bytes);
        }
    }

    private void ThrowOutOfRange(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, $"The table holds {Length} elements.");
}

/// <summary>The system call that asks Linux for large pages under a range of memory.</summary>
internal static partial class LargePageAdvice
{
    [LibraryImport("libc", EntryPoint = "madvise")]
    internal static partial int Madvise(nint address, nuint length, int advice);
}
