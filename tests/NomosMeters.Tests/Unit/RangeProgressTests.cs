using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NomosMeters.Client.Paging;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>-Skip and -First over several streams that make one output: each goes on where the one before stopped.</summary>
    public sealed class RangeProgressTests
    {
        private static async IAsyncEnumerable<int> Stream(IEnumerable<int> items, List<int> pulled)
        {
            foreach (var item in items)
            {
                pulled.Add(item);
                await Task.Yield();
                yield return item;
            }
        }

        private static async Task<List<int>> Take(IAsyncEnumerable<int> stream)
        {
            var list = new List<int>();
            await foreach (var item in stream)
            {
                list.Add(item);
            }

            return list;
        }

        [Fact]
        public async Task SkipAndFirstSpanTheStreamsAndTheLastItemEndsThePull()
        {
            var progress = new RangeProgress(new PageRange(3, 4));
            var pulled = new List<int>();

            var first = await Take(CursorPager.Slice(Stream(new[] { 1, 2 }, pulled), progress));
            Assert.Equal(new PageRange(0, 5).Needed, progress.ToFetch.Needed);
            var second = await Take(CursorPager.Slice(Stream(new[] { 3, 4, 5 }, pulled), progress));
            var third = await Take(CursorPager.Slice(Stream(new[] { 6, 7, 8, 9 }, pulled), progress));
            var fourth = await Take(CursorPager.Slice(Stream(new[] { 10 }, pulled), progress));

            Assert.Empty(first);
            Assert.Equal(new[] { 4, 5 }, second);
            Assert.Equal(new[] { 6, 7 }, third);
            Assert.Empty(fourth);
            Assert.True(progress.IsSatisfied);
            Assert.Equal(4UL, progress.Written);
            // The slice stops right after the last wanted item: 8, 9 and 10 are never asked for.
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, pulled);
        }

        [Fact]
        public async Task WithoutFirstEveryStreamIsReadWholeAndNothingLimitsWhatIsFetched()
        {
            var progress = new RangeProgress(new PageRange(1, null));
            var pulled = new List<int>();

            var all = (await Take(CursorPager.Slice(Stream(new[] { 1, 2 }, pulled), progress)))
                .Concat(await Take(CursorPager.Slice(Stream(new[] { 3 }, pulled), progress)));

            Assert.Equal(new[] { 2, 3 }, all);
            Assert.Null(progress.ToFetch.Needed);
            Assert.False(progress.IsSatisfied);
        }

        [Fact]
        public async Task FirstZeroTakesNothingFromAnyStream()
        {
            var progress = new RangeProgress(new PageRange(0, 0));
            var pulled = new List<int>();

            Assert.Empty(await Take(CursorPager.Slice(Stream(new[] { 1 }, pulled), progress)));
            Assert.Empty(pulled);
            Assert.True(progress.IsSatisfied);
        }
    }
}
