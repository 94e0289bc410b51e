using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>Writes a page of a list endpoint: <c>{object:"list", items, next_page, has_more}</c>, the cursor bound to the request.</summary>
    internal static class ListResponse
    {
        public static HttpResponseMessage Create<T>(ListPage<T> page, ListRequest<T> request, CursorCodec cursors, Action<Utf8JsonWriter, T> writeItem)
            where T : IListItem
        {
            string? nextPage = null;
            if (page.HasMore)
            {
                var last = page.Items[page.Items.Count - 1];
                nextPage = cursors.Encode(new ListCursor(last.CreatedAt, last.Id, request.Limit, request.Filters.Fingerprint));
            }

            return JsonResponse.Create(HttpStatusCode.OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("object", "list");
                w.WriteStartArray("items");
                foreach (var item in page.Items)
                {
                    writeItem(w, item);
                }

                w.WriteEndArray();
                if (nextPage == null)
                {
                    w.WriteNull("next_page");
                }
                else
                {
                    w.WriteString("next_page", nextPage);
                }

                w.WriteBoolean("has_more", page.HasMore);
                w.WriteEndObject();
            });
        }
    }
}
