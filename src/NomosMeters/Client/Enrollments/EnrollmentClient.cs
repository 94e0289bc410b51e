using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;
using NomosMeters.Models.Enrollments;

namespace NomosMeters.Client.Enrollments
{
    /// <summary>The meter-enrollment operations: search (streamed, all pages), get one, look many up in batches.</summary>
    internal sealed class EnrollmentClient
    {
        /// <summary>The API maximum page size, and our default.</summary>
        public const int MaxPageSize = 500;

        /// <summary>The API's limit on <c>meter_ids</c> per search.</summary>
        public const int MaxMeterIdsPerSearch = 1000;

        private const string SearchPath = "/v2/meters/enrollments/search";

        private readonly EnrollmentEndpoint _endpoint;
        private readonly ApiTransport _transport;

        public EnrollmentClient(EnrollmentEndpoint endpoint, ApiTransport transport)
        {
            _endpoint = endpoint;
            _transport = transport;
        }

        /// <summary><c>GET /v2/meters/{meter_id}/enrollments</c>.</summary>
        public Task<MeterEnrollment> GetAsync(Guid meterId, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, "/v2/meters/" + meterId.ToString("D") + "/enrollments");
            return _transport.SendForJsonAsync(_endpoint, request, NomosJsonContext.Default.MeterEnrollment, context);
        }

        /// <summary>
        /// Every meter matching <paramref name="filter"/>, streamed. More than 1000 meter ids are split into
        /// several searches, run one after another as one stream.
        /// </summary>
        public IAsyncEnumerable<MeterEnrollment> SearchAsync(MeterFilterRequest filter, PageRange range, CallContext context)
        {
            if (range.Needed is ulong needed && needed < (ulong)(filter.PageSize ?? MaxPageSize))
            {
                filter.PageSize = (int)Math.Max(1, needed);
            }

            if (filter.MeterIds == null || filter.MeterIds.Count <= MaxMeterIdsPerSearch)
            {
                return SearchOneAsync(filter, range, context);
            }

            return CursorPager.Slice(SearchChunksAsync(filter, context), range, context.CancellationToken);
        }

        private IAsyncEnumerable<MeterEnrollment> SearchOneAsync(MeterFilterRequest filter, PageRange range, CallContext context)
            => CursorPager.StreamAsync((token, call) => FetchPageAsync(filter.WithPageToken(token), call), range, "meter enrollment", context);

        private async IAsyncEnumerable<MeterEnrollment> SearchChunksAsync(MeterFilterRequest filter, CallContext context)
        {
            var ids = filter.MeterIds!;
            for (var start = 0; start < ids.Count; start += MaxMeterIdsPerSearch)
            {
                var chunk = filter.WithPageToken(null);
                chunk.MeterIds = ids.GetRange(start, Math.Min(MaxMeterIdsPerSearch, ids.Count - start));
                await foreach (var meter in SearchOneAsync(chunk, PageRange.All, context).ConfigureAwait(false))
                {
                    yield return meter;
                }
            }
        }

        private async Task<Page<MeterEnrollment>> FetchPageAsync(MeterFilterRequest body, CallContext context)
        {
            var json = JsonSerializer.Serialize(body, NomosJsonContext.Default.MeterFilterRequest);
            // A search only reads, whatever its method: retried like a GET.
            var request = new ApiRequest(HttpMethod.Post, SearchPath, () => new StringContent(json, Encoding.UTF8, "application/json")) { SafeToRepeat = true };
            var page = await _transport.SendAsync(_endpoint, request, context, async (response, ct) =>
            {
                var read = await ApiTransport.ReadJsonAsync(_endpoint, request, response, NomosJsonContext.Default.EnrollmentSearchPage, ct).ConfigureAwait(false);
                if (read.Meters == null)
                {
                    throw ApiTransport.InvalidResponse(_endpoint, request, response, "The search response has no \"meters\"");
                }

                return read;
            }).ConfigureAwait(false);

            // The spec does not say how the last page ends: a missing, null or empty token all mean the end.
            return new Page<MeterEnrollment>(page.Meters!, string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken);
        }
    }
}
