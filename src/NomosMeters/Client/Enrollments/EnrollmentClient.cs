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

        private readonly ServiceRequestor _requestor;

        public EnrollmentClient(ServiceRequestor requestor)
        {
            _requestor = requestor;
        }

        /// <summary><c>GET /v2/meters/{meter_id}/enrollments</c>.</summary>
        public Task<MeterEnrollment> GetAsync(Guid meterId, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, "/v2/meters/" + meterId.ToString("D") + "/enrollments");
            return _requestor.SendForJsonAsync(request, NomosJsonContext.Default.MeterEnrollment, context);
        }

        /// <summary>
        /// Every meter matching <paramref name="filter"/>, streamed. More than 1000 meter ids are split into
        /// several searches, run one after another as one stream.
        /// </summary>
        public IAsyncEnumerable<MeterEnrollment> SearchAsync(MeterFilterRequest filter, PageRange range, CallContext context, string? startToken = null)
        {
            filter.PageSize = range.PageSizeFor(filter.PageSize ?? MaxPageSize);

            if (filter.MeterIds == null || filter.MeterIds.Count <= MaxMeterIdsPerSearch)
            {
                return SearchOneAsync(filter, range, context, startToken);
            }

            if (startToken != null)
            {
                throw new ArgumentException("A page token resumes one search; this is several searches of 1,000 ids each.", nameof(startToken));
            }

            return CursorPager.Slice(SearchChunksAsync(filter, context), range, context.CancellationToken);
        }

        /// <summary>
        /// Looks <paramref name="ids"/> up with searches of at most 1,000 ids (pages of 500): each id with its meter,
        /// or with null when the API does not know it, in the order given (a repeated id is searched once, answered each time).
        /// </summary>
        public async Task<IReadOnlyList<KeyValuePair<Guid, MeterEnrollment?>>> LookUpAsync(IReadOnlyList<Guid> ids, CallContext context)
        {
            var unique = ids.Distinct().ToList();
            var found = new Dictionary<Guid, MeterEnrollment>();
            var filter = new MeterFilterRequest { MeterIds = unique, PageSize = MaxPageSize };
            await foreach (var meter in SearchAsync(filter, PageRange.All, context).ConfigureAwait(false))
            {
                found[meter.MeterId] = meter;
            }

            return ids.Select(id => new KeyValuePair<Guid, MeterEnrollment?>(id, found.TryGetValue(id, out var meter) ? meter : null)).ToList();
        }

        private IAsyncEnumerable<MeterEnrollment> SearchOneAsync(MeterFilterRequest filter, PageRange range, CallContext context, string? startToken = null)
            => CursorPager.StreamAsync((token, call) => FetchPageAsync(filter.WithPageToken(token), call), range, "meter enrollment", context, startToken);

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
            var page = await _requestor.SendAsync(request, context, async (response, ct) =>
            {
                var read = await _requestor.ReadJsonAsync(request, response, NomosJsonContext.Default.EnrollmentSearchPage, ct).ConfigureAwait(false);
                if (read.Meters == null)
                {
                    throw _requestor.InvalidResponse(request, response, "The search response has no \"meters\"");
                }

                return read;
            }).ConfigureAwait(false);

            // The spec does not say how the last page ends: a missing, null or empty token all mean the end.
            return new Page<MeterEnrollment>(page.Meters!, string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken);
        }
    }
}
