using System;
using System.Collections.Generic;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Pipeline input gathered into batches for cmdlets that look many items up in one request: each
    /// <c>ProcessRecord</c> adds what it bound and sends the batches that filled up; <c>EndProcessing</c> sends the
    /// rest. Results stream out a batch at a time, and memory stays bounded however much input arrives.
    /// </summary>
    /// <typeparam name="T">The input item.</typeparam>
    internal sealed class InputBatch<T>
    {
        private readonly int _maxCount;
        private readonly Func<T, int> _weight;
        private readonly int _maxWeight;
        private List<T> _items = new List<T>();
        private int _itemsWeight;

        /// <summary>A batch holds at most <paramref name="maxCount"/> items.</summary>
        public InputBatch(int maxCount)
            : this(maxCount, _ => 0, 0)
        {
        }

        /// <summary>
        /// A batch holds at most <paramref name="maxCount"/> items whose weights (for example, their length in a URL)
        /// add up to at most <paramref name="maxWeight"/>; an item heavier than that alone goes in a batch of its own.
        /// </summary>
        public InputBatch(int maxCount, Func<T, int> weight, int maxWeight)
        {
            if (maxCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "A batch holds at least one item.");
            }

            _maxCount = maxCount;
            _weight = weight;
            _maxWeight = maxWeight;
        }

        /// <summary>Adds <paramref name="items"/> in order and returns the batches they filled, in order.</summary>
        public IReadOnlyList<IReadOnlyList<T>> Add(IEnumerable<T> items)
        {
            var full = new List<IReadOnlyList<T>>();
            foreach (var item in items)
            {
                var weight = _weight(item);
                if (_items.Count > 0 && _maxWeight > 0 && _itemsWeight + weight > _maxWeight)
                {
                    full.Add(Take());
                }

                _items.Add(item);
                _itemsWeight += weight;
                if (_items.Count == _maxCount)
                {
                    full.Add(Take());
                }
            }

            return full;
        }

        /// <summary>Returns what is left once the input has ended (an empty list when nothing is).</summary>
        public IReadOnlyList<T> TakeRest() => Take();

        private List<T> Take()
        {
            var batch = _items;
            _items = new List<T>();
            _itemsWeight = 0;
            return batch;
        }
    }
}
