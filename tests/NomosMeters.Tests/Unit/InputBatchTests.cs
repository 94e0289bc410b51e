using System.Collections.Generic;
using System.Linq;
using NomosMeters.Commands;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>How pipeline input is cut into batches: by count, by weight, in order, nothing lost or repeated.</summary>
    public sealed class InputBatchTests
    {
        [Fact]
        public void ItemsComeOutInBatchesOfTheMaximumCountInTheirOrderAndTheRestAtTheEnd()
        {
            var batch = new InputBatch<int>(maxCount: 3);
            var sent = new List<IReadOnlyList<int>>();

            sent.AddRange(batch.Add(new[] { 1, 2 }));
            Assert.Empty(sent);
            sent.AddRange(batch.Add(new[] { 3, 4, 5, 6, 7 }));
            sent.Add(batch.TakeRest());

            Assert.Equal(new[] { "1,2,3", "4,5,6", "7" }, sent.Select(b => string.Join(",", b)));
        }

        [Fact]
        public void TheRestIsEmptyWhenTheLastBatchWasFull()
        {
            var batch = new InputBatch<int>(maxCount: 2);

            Assert.Single(batch.Add(new[] { 1, 2 }));
            Assert.Empty(batch.TakeRest());
        }

        [Fact]
        public void ABatchEndsBeforeTheItemThatWouldTakeItPastTheMaximumWeight()
        {
            var batch = new InputBatch<string>(maxCount: 100, weight: s => s.Length, maxWeight: 10);

            var full = batch.Add(new[] { "aaaa", "bbbb", "cc", "ddd", "eeeeeee" }).ToList();
            full.Add(batch.TakeRest());

            Assert.Equal(new[] { "aaaa,bbbb,cc", "ddd,eeeeeee" }, full.Select(b => string.Join(",", b)));
        }

        [Fact]
        public void AnItemHeavierThanTheMaximumGoesInABatchOfItsOwn()
        {
            var batch = new InputBatch<string>(maxCount: 100, weight: s => s.Length, maxWeight: 4);

            var full = batch.Add(new[] { "ab", "toolong", "cd" }).ToList();
            full.Add(batch.TakeRest());

            Assert.Equal(new[] { "ab", "toolong", "cd" }, full.Select(b => string.Join(",", b)));
        }
    }
}
