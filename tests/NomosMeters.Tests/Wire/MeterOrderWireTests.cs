using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Nomos;
using NomosMeters.Client.Paging;
using NomosMeters.Models;
using RichardSzalay.MockHttp;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    public sealed class MeterOrderWireTests
    {
        [Fact]
        public async Task GetByIdSendsBearerVersionAndAcceptHeadersToTheExactUrl()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_abc").Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Order("prdo_abc")));

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_abc", CallContext.None);

            Assert.Equal("prdo_abc", order.Id);
            var sent = Assert.Single(h.Log.Api);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("https://api.nomos.energy/meter-orders/prdo_abc", sent.Wire);
            Assert.Equal("Bearer at1", sent.Header("Authorization"));
            Assert.Equal("2026-05-27.curie", sent.Header("X-API-Version"));
            Assert.Equal("application/json", sent.Header("Accept"));
            Assert.StartsWith("NomosMeters/", sent.Header("User-Agent"));
        }

        [Fact]
        public async Task AnAnswerThatStartsWithAByteOrderMarkIsReadAsItsJson()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            var json = System.Text.Encoding.UTF8.GetBytes(NomosSamples.Order("prdo_bom"));
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_bom").Respond(_ =>
                new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new ByteArrayContent(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(json).ToArray()) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } },
                });

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_bom", CallContext.None);

            Assert.Equal("prdo_bom", order.Id);
        }

        [Fact]
        public async Task IdWithSlashAndQuestionMarkIsEscapedAndCannotChangeThePath()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.NotFound,
                "{\"code\":\"NOT_FOUND\",\"message\":\"Resource not found\",\"requestId\":\"r-1\",\"docs\":\"https://docs.nomos.energy/api-references/errors/NOT_FOUND\"}"));

            await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("../x/y?limit=1#z", CallContext.None));

            var sent = Assert.Single(h.Log.Api);
            Assert.Equal("/meter-orders/..%2Fx%2Fy%3Flimit%3D1%23z", sent.Uri.AbsolutePath + sent.Uri.Query);
            Assert.Equal(string.Empty, sent.Uri.Query);
        }

        [Fact]
        public async Task ListSendsEncodedFiltersAndFollowsCursorsUntilHasMoreIsFalse()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            var pages = new Queue<string>(new[]
            {
                NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_1"), NomosSamples.Order("prdo_2") }, "cur+/=1"),
                NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_3") }, "cur2"),
                NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_4") }, null),
            });
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders").Respond(_ => MockServer.Json(HttpStatusCode.OK, pages.Dequeue()));

            var query = new MeterOrderQuery
            {
                Statuses = new[] { "scheduled", "installed" },
                Customers = new[] { "cus_1" },
                Subscriptions = new[] { "sub_a", "sub,b" },
                PageSize = 100,
            };
            var ids = new List<string>();
            await foreach (var order in h.Connection.Nomos!.MeterOrders.ListAsync(query, PageRange.All, CallContext.None))
            {
                ids.Add(order.Id);
            }

            Assert.Equal(new[] { "prdo_1", "prdo_2", "prdo_3", "prdo_4" }, ids);
            const string filters = "filter%5Bstatus%5D%5Bin%5D=scheduled,installed&filter%5Bcustomer%5D%5Beq%5D=cus_1&filter%5Bsubscription%5D%5Bin%5D=sub_a,sub%2Cb&limit=100";
            Assert.Equal(
                new[]
                {
                    MockServer.Base + "/meter-orders?" + filters,
                    MockServer.Base + "/meter-orders?" + filters + "&cursor=cur%2B%2F%3D1",
                    MockServer.Base + "/meter-orders?" + filters + "&cursor=cur2",
                },
                h.Log.Api.Select(r => r.Wire));
        }

        [Fact]
        public async Task ListYieldsTheFirstOrderBeforeRequestingTheSecondPage()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders")
                .Respond(req => MockServer.Json(HttpStatusCode.OK, req.RequestUri!.Query.Contains("cursor")
                    ? NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_3") }, null)
                    : NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_1"), NomosSamples.Order("prdo_2") }, "c1")));

            var enumerator = h.Connection.Nomos!.MeterOrders.ListAsync(new MeterOrderQuery(), PageRange.All, CallContext.None).GetAsyncEnumerator();
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("prdo_1", enumerator.Current.Id);
            Assert.Single(h.Log.Api);
            Assert.True(await enumerator.MoveNextAsync());
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("prdo_3", enumerator.Current.Id);
            Assert.Equal(2, h.Log.Api.Count);
            await enumerator.DisposeAsync();
        }

        [Fact]
        public async Task FirstSmallerThanAPageRequestsOnePageOfJustThatSize()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(Enumerable.Range(1, 7).Select(i => NomosSamples.Order("prdo_" + i)), "more")));

            var ids = new List<string>();
            await foreach (var order in h.Connection.Nomos!.MeterOrders.ListAsync(new MeterOrderQuery(), new PageRange(2, 5), CallContext.None))
            {
                ids.Add(order.Id);
            }

            Assert.Equal(new[] { "prdo_3", "prdo_4", "prdo_5", "prdo_6", "prdo_7" }, ids);
            var sent = Assert.Single(h.Log.Api);
            Assert.EndsWith("?limit=7", sent.Wire);
        }

        [Fact]
        public async Task RepeatedCursorStopsWithPagingErrorInsteadOfLooping()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { NomosSamples.Order("prdo_1") }, "same")));

            var count = 0;
            var error = await Assert.ThrowsAsync<PagingException>(async () =>
            {
                await foreach (var _ in h.Connection.Nomos!.MeterOrders.ListAsync(new MeterOrderQuery(), PageRange.All, CallContext.None))
                {
                    count++;
                }
            });

            Assert.Equal(2, count);
            Assert.Equal(2UL, error.ObjectsRead);
            Assert.Contains("page cursor it had already returned", error.Message);
            Assert.Equal(2, h.Log.Api.Count);
        }

        [Theory]
        [InlineData("{\"object\":\"list\",\"has_more\":false}", "no \"items\"")]
        [InlineData("{\"object\":\"list\",\"items\":[],\"has_more\":true,\"next_page\":null}", "has_more but gives no next_page")]
        [InlineData("{\"object\":\"list\",\"items\":[{\"id\":", "not valid JSON")]
        public async Task BrokenListResponsesFailWithInvalidResponse(string body, string expected)
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders").Respond(_ => MockServer.Json(HttpStatusCode.OK, body));

            var error = await Assert.ThrowsAsync<ApiRequestException>(async () =>
            {
                await foreach (var _ in h.Connection.Nomos!.MeterOrders.ListAsync(new MeterOrderQuery(), PageRange.All, CallContext.None))
                {
                }
            });

            Assert.Equal("INVALID_RESPONSE", error.Code);
            Assert.Equal("NomosMeters.InvalidResponse", error.ErrorId);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public async Task HtmlPageWithStatus200IsReportedAsNotJson()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_1")
                .Respond(_ => MockServer.Json(HttpStatusCode.OK, "<html><body>Sign in to the proxy</body></html>", "text/html"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Nomos!.MeterOrders.GetAsync("prdo_1", CallContext.None));

            Assert.Equal("INVALID_RESPONSE", error.Code);
            Assert.Contains("text/html, not JSON", error.Message);
        }

        [Fact]
        public async Task UnknownFieldsAndUnknownEnumValuesAreKeptWithoutError()
        {
            using var h = TestBed.Mock().Connection();
            h.Mock.ServeTokens();
            var json = NomosSamples.Order("prdo_new", status: "awaiting_grid_operator", blockedReason: "new_reason")
                .Replace("\"provider\":\"metrify\"", "\"provider\":\"future-provider\",\"brand_new_field\":{\"nested\":[1,2]}");
            h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/prdo_new").Respond(_ => MockServer.Json(HttpStatusCode.OK, json));

            var order = await h.Connection.Nomos!.MeterOrders.GetAsync("prdo_new", CallContext.None);

            Assert.Equal("awaiting_grid_operator", order.Status);
            Assert.Equal("future-provider", order.Provider);
            Assert.Equal("new_reason", order.BlockedReason);
            Assert.True(order.IsBlocked);
            Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, 123, TimeSpan.Zero), order.BlockedAt);
            Assert.Equal(TimeSpan.Zero, order.AppointmentAt!.Value.Offset);
            Assert.Equal(new DateTimeOffset(2026, 8, 1, 5, 30, 0, TimeSpan.Zero), order.AppointmentAt);
            Assert.Null(order.InstalledAt);
        }
    }
}
