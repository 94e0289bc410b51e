using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Paging;
using Xunit;

namespace NomosMeters.Tests.Unit
{
    /// <summary>
    /// The pager's one-page-ahead fetch, driven by a page source whose answers the test releases by hand: which
    /// page is asked for when, relative to what the consumer has taken, is then exact and independent of timing.
    /// </summary>
    public sealed class CursorPagerPrefetchTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        [Fact]
        public async Task TheSecondPageIsAskedForOnlyAfterTheFirstObjectIsTaken()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4);
            await using var stream = CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None).GetAsyncEnumerator();

            var first = stream.MoveNextAsync();
            source.Release(1);
            Assert.True(await first);
            Assert.Equal(new[] { 1 }, source.Requested);

            Assert.True(await stream.MoveNextAsync());
            await source.WaitForRequestAsync(2);
            Assert.Equal("p0-1", stream.Current);
        }

        [Fact]
        public async Task TheNextPageArrivesWhileTheConsumerIsStillOnTheCurrentOneButNeverTwoAhead()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4);
            await using var stream = CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None).GetAsyncEnumerator();
            source.Release(1);
            Assert.True(await stream.MoveNextAsync());
            Assert.True(await stream.MoveNextAsync());
            await source.WaitForRequestAsync(2);

            // Page 2 answered while the consumer still holds page 1's second object: page 3 must wait for page 2 to be read.
            source.Release(2);
            await Task.Delay(100);
            Assert.Equal(new[] { 1, 2 }, source.Requested);

            var taken = new List<string> { "p0-0", stream.Current };
            while (taken.Count < 5)
            {
                Assert.True(await stream.MoveNextAsync());
                taken.Add(stream.Current);
            }

            Assert.Equal(new[] { "p0-0", "p0-1", "p0-2", "p0-3", "p1-0" }, taken);
            Assert.True(await stream.MoveNextAsync());
            await source.WaitForRequestAsync(3);
            Assert.Equal(new[] { 1, 2, 3 }, source.Requested);
        }

        [Fact]
        public async Task FromTheSecondPageOnTheNextIsAskedForAsThePagesFirstObjectGoesOut()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4, answerAtOnce: true);
            await using var stream = CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None).GetAsyncEnumerator();
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await stream.MoveNextAsync());
            }

            // The consumer holds page 2's first object and has not come back: page 3 is on its way all the same.
            Assert.Equal("p1-0", stream.Current);
            await source.WaitForRequestAsync(3);
            Assert.Equal(new[] { 1, 2, 3 }, source.Requested);
        }

        [Fact]
        public async Task EveryObjectArrivesOnceInOrderWithThePagesPrefetched()
        {
            var source = new ScriptedPages(pages: 5, perPage: 3, answerAtOnce: true);

            var all = await ReadAllAsync(CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None));

            Assert.Equal(Enumerable.Range(0, 5).SelectMany(p => Enumerable.Range(0, 3).Select(i => $"p{p}-{i}")), all);
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, source.Requested);
        }

        [Fact]
        public async Task NoPageIsFetchedAheadWhenFirstIsSatisfiedWithinTheCurrentPage()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4, answerAtOnce: true);

            var taken = await ReadAllAsync(CursorPager.StreamAsync(source.FetchAsync, new PageRange(1, 3), "test", CallContext.None));

            Assert.Equal(new[] { "p0-1", "p0-2", "p0-3" }, taken);
            await Task.Delay(100);
            Assert.Equal(new[] { 1 }, source.Requested);
        }

        [Fact]
        public async Task AConsumerThatStopsEarlyCancelsThePageFetchedAheadAndWaitsForIt()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4);
            var stream = CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None).GetAsyncEnumerator();
            source.Release(1);
            Assert.True(await stream.MoveNextAsync());
            Assert.True(await stream.MoveNextAsync());
            await source.WaitForRequestAsync(2);

            await stream.DisposeAsync();

            Assert.True(source.TokenOf(2).IsCancellationRequested);
            Assert.True(source.Ended(2));
        }

        [Fact]
        public async Task APageThatFailsAheadFailsTheStreamOnlyAfterTheCurrentPageIsRead()
        {
            var source = new ScriptedPages(pages: 3, perPage: 4, answerAtOnce: true) { FailingPage = 2 };
            var taken = new List<string>();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var item in CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None))
                {
                    taken.Add(item);
                }
            });

            Assert.Equal("page 2 failed", error.Message);
            Assert.Equal(new[] { "p0-0", "p0-1", "p0-2", "p0-3" }, taken);
        }

        [Fact]
        public async Task ARepeatedCursorIsNeverFetchedAndStopsTheStreamAfterThePageThatGaveIt()
        {
            var source = new ScriptedPages(pages: 4, perPage: 2, answerAtOnce: true) { RepeatCursorOnPage = 2 };
            var taken = new List<string>();

            var error = await Assert.ThrowsAsync<PagingException>(async () =>
            {
                await foreach (var item in CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", CallContext.None))
                {
                    taken.Add(item);
                }
            });

            Assert.Equal(4UL, error.ObjectsRead);
            Assert.Equal(4, taken.Count);
            Assert.Equal(new[] { 1, 2 }, source.Requested);
        }

        [Fact]
        public async Task CancellingTheCallEndsAWaitForAPageFetchedAhead()
        {
            using var cancel = new CancellationTokenSource();
            var source = new ScriptedPages(pages: 3, perPage: 1);
            var context = new CallContext(cancel.Token, OperationLog.None);
            await using var stream = CursorPager.StreamAsync(source.FetchAsync, PageRange.All, "test", context).GetAsyncEnumerator(cancel.Token);
            source.Release(1);
            Assert.True(await stream.MoveNextAsync());

            var waiting = stream.MoveNextAsync().AsTask();
            await source.WaitForRequestAsync(2);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        }

        private static async Task<List<string>> ReadAllAsync(IAsyncEnumerable<string> stream)
        {
            var all = new List<string>();
            await foreach (var item in stream)
            {
                all.Add(item);
            }

            return all;
        }

        /// <summary>
        /// Pages "p0".."p(n-1)" of "p{page}-{index}" items, cursors "c1".."c(n-1)". Each fetch waits until the test
        /// releases its request number (1-based), unless <c>answerAtOnce</c>; each records the token it was given.
        /// </summary>
        private sealed class ScriptedPages
        {
            private readonly int _pages;
            private readonly int _perPage;
            private readonly bool _answerAtOnce;
            private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _released = new ConcurrentDictionary<int, TaskCompletionSource<bool>>();
            private readonly ConcurrentDictionary<int, TaskCompletionSource<bool>> _arrived = new ConcurrentDictionary<int, TaskCompletionSource<bool>>();
            private readonly ConcurrentDictionary<int, CancellationToken> _tokens = new ConcurrentDictionary<int, CancellationToken>();
            private readonly ConcurrentDictionary<int, bool> _ended = new ConcurrentDictionary<int, bool>();
            private readonly ConcurrentQueue<int> _requested = new ConcurrentQueue<int>();
            private int _count;

            public ScriptedPages(int pages, int perPage, bool answerAtOnce = false)
            {
                _pages = pages;
                _perPage = perPage;
                _answerAtOnce = answerAtOnce;
            }

            public int? FailingPage { get; set; }

            public int? RepeatCursorOnPage { get; set; }

            public int[] Requested => _requested.ToArray();

            public void Release(int request) => Gate(_released, request).TrySetResult(true);

            public Task WaitForRequestAsync(int request) => Gate(_arrived, request).Task.WaitAsync(Patience);

            public CancellationToken TokenOf(int request) => _tokens[request];

            public bool Ended(int request) => _ended.ContainsKey(request);

            public async Task<Page<string>> FetchAsync(string? cursor, CallContext call)
            {
                var request = Interlocked.Increment(ref _count);
                var page = cursor == null ? 0 : int.Parse(cursor.Substring(1));
                _tokens[request] = call.CancellationToken;
                _requested.Enqueue(request);
                Gate(_arrived, request).TrySetResult(true);
                try
                {
                    if (!_answerAtOnce)
                    {
                        await Gate(_released, request).Task.WaitAsync(call.CancellationToken);
                    }

                    if (FailingPage == request)
                    {
                        throw new InvalidOperationException($"page {request} failed");
                    }

                    var items = Enumerable.Range(0, _perPage).Select(i => $"p{page}-{i}").ToList();
                    var next = RepeatCursorOnPage == request ? cursor : page + 1 < _pages ? "c" + (page + 1) : null;
                    return new Page<string>(items, next);
                }
                finally
                {
                    _ended[request] = true;
                }
            }

            private static TaskCompletionSource<bool> Gate(ConcurrentDictionary<int, TaskCompletionSource<bool>> gates, int request)
                => gates.GetOrAdd(request, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
    }
}
