using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using NomosMeters.Client.Http;
using NomosMeters.Client.Json;
using NomosMeters.Client.Paging;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;

namespace NomosMeters.Client.Enrollments
{
    /// <summary>The two kinds of meter record of the enrollment API, each with its endpoints.</summary>
    internal static class MeterRecordClient
    {
        /// <summary>The enrollments: <c>GET /v2/meters/{meter_id}/enrollments</c>, <c>POST /v2/meters/enrollments/search</c>.</summary>
        public static MeterRecordClient<MeterEnrollment> Enrollments(ServiceRequestor requestor)
            => new MeterRecordClient<MeterEnrollment>(
                requestor,
                id => "/v2/meters/" + id.ToString("D") + "/enrollments",
                "/v2/meters/enrollments/search",
                NomosJsonContext.Default.MeterEnrollment,
                NomosJsonContext.Default.MeterSearchPageMeterEnrollment,
                "meter enrollment",
                personalData: false);

        /// <summary>
        /// The details (customer, site, device, utility): <c>GET /v2/meters/{meter_id}</c>, <c>POST /v2/meters/search</c>.
        /// Not the deprecated v1 meters API.
        /// </summary>
        public static MeterRecordClient<MeterDetail> Details(ServiceRequestor requestor)
            => new MeterRecordClient<MeterDetail>(
                requestor,
                id => "/v2/meters/" + id.ToString("D"),
                "/v2/meters/search",
                NomosJsonContext.Default.MeterDetail,
                NomosJsonContext.Default.MeterSearchPageMeterDetail,
                "meter detail",
                personalData: true);
    }

    /// <summary>
    /// The operations of one kind of meter record of the enrollment API, written once for its enrollments and its
    /// details: get one by id, search with a <see cref="MeterFilterRequest"/> (streamed, all pages), and look many
    /// ids up in batched searches.
    /// </summary>
    /// <typeparam name="T">The record the endpoints return.</typeparam>
    internal sealed class MeterRecordClient<T>
        where T : MeterRecord
    {
        private readonly ServiceRequestor _requestor;
        private readonly Func<Guid, string> _getPath;
        private readonly string _searchPath;
        private readonly JsonTypeInfo<T> _type;
        private readonly JsonTypeInfo<MeterSearchPage<T>> _pageType;
        private readonly string _listName;
        private readonly bool _personalData;

        /// <param name="requestor">The enrollment API's transport.</param>
        /// <param name="getPath">The path of one record by meter id.</param>
        /// <param name="searchPath">The path of the search.</param>
        /// <param name="type">The record's JSON type.</param>
        /// <param name="pageType">The search page's JSON type.</param>
        /// <param name="listName">What the list holds, for messages.</param>
        /// <param name="personalData">Whether the records hold personal data, which traces leave out unless asked (<see cref="ApiRequest.PersonalData"/>).</param>
        public MeterRecordClient(
            ServiceRequestor requestor,
            Func<Guid, string> getPath,
            string searchPath,
            JsonTypeInfo<T> type,
            JsonTypeInfo<MeterSearchPage<T>> pageType,
            string listName,
            bool personalData)
        {
            _requestor = requestor;
            _getPath = getPath;
            _searchPath = searchPath;
            _type = type;
            _pageType = pageType;
            _listName = listName;
            _personalData = personalData;
        }

        /// <summary>The record of one meter; a 404 when the API does not know it.</summary>
        public Task<T> GetAsync(Guid meterId, CallContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, _getPath(meterId)) { PersonalData = _personalData };
            return _requestor.SendForJsonAsync(request, _type, context);
        }

        /// <summary>
        /// Every meter matching <paramref name="filter"/>, streamed. More than 1000 meter ids are split into
        /// several searches, run one after another as one stream.
        /// </summary>
        public IAsyncEnumerable<T> SearchAsync(MeterFilterRequest filter, PageRange range, CallContext context, string? startToken = null)
        {
            filter.PageSize = range.PageSizeFor(filter.PageSize ?? MeterFilterRequest.MaxPageSize, startToken);

            if (filter.MeterIds == null || filter.MeterIds.Count <= MeterFilterRequest.MaxMeterIds)
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
        /// Looks <paramref name="ids"/> up with searches of at most 1,000 ids (pages of 500): each id with its record,
        /// or with null when the API does not know it, in the order given (a repeated id is searched once, answered each time).
        /// </summary>
        public async Task<IReadOnlyList<KeyValuePair<Guid, T?>>> LookUpAsync(IReadOnlyList<Guid> ids, CallContext context)
        {
            var unique = ids.Distinct().ToList();
            var found = new Dictionary<Guid, T>();
            var filter = new MeterFilterRequest { MeterIds = unique, PageSize = MeterFilterRequest.MaxPageSize };
            await foreach (var meter in SearchAsync(filter, PageRange.All, context).ConfigureAwait(false))
            {
                found[meter.MeterId] = meter;
            }

            return ids.Select(id => new KeyValuePair<Guid, T?>(id, found.TryGetValue(id, out var meter) ? meter : null)).ToList();
        }

        private IAsyncEnumerable<T> SearchOneAsync(MeterFilterRequest filter, PageRange range, CallContext context, string? startToken = null)
            => CursorPager.StreamAsync((token, call) => FetchPageAsync(filter.WithPageToken(token), call), range, _listName, context, startToken);

        private async IAsyncEnumerable<T> SearchChunksAsync(MeterFilterRequest filter, CallContext context)
        {
            var ids = filter.MeterIds!;
            for (var start = 0; start < ids.Count; start += MeterFilterRequest.MaxMeterIds)
            {
                var chunk = filter.WithPageToken(null);
                chunk.MeterIds = ids.GetRange(start, Math.Min(MeterFilterRequest.MaxMeterIds, ids.Count - start));
                await foreach (var meter in SearchOneAsync(chunk, PageRange.All, context).ConfigureAwait(false))
                {
                    yield return meter;
                }
            }
        }

        private async Task<Page<T>> FetchPageAsync(MeterFilterRequest body, CallContext context)
        {
            var json = JsonSerializer.Serialize(body, NomosJsonContext.Default.MeterFilterRequest);
            // A search only reads, whatever its method: retried like a GET.
            var request = new ApiRequest(HttpMethod.Post, _searchPath, () => new StringContent(json, Encoding.UTF8, "application/json"))
            {
                SafeToRepeat = true,
                PersonalData = _personalData,
            };
            var page = await _requestor.SendAsync(request, context, async (response, ct) =>
            {
                var read = await _requestor.ReadJsonAsync(request, response, _pageType, ct).ConfigureAwait(false);
                if (read.Meters == null)
                {
                    throw _requestor.InvalidResponse(request, response, "The search response has no \"meters\"");
                }

                return read;
            }).ConfigureAwait(false);

            // The spec does not say how the last page ends: a missing, null or empty token all mean the end.
            return new Page<T>(page.Meters!, string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken);
        }
    }
}
