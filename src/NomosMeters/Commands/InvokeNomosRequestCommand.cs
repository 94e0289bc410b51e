using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json;
using NomosMeters.Client.Http;
using NomosMeters.Client.Paging;
using NomosMeters.Client.Requests;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends a request to any endpoint of the Nomos API or the enrollment API with the module's connection, and writes the answer as PowerShell objects.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "NomosRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
    [OutputType(typeof(PSObject), typeof(OrderedDictionary), typeof(string), typeof(byte[]))]
    public sealed class InvokeNomosRequestCommand : NomosServiceCmdlet
    {
        private const string AsPSObject = "PSObject";
        private const string AsHashtable = "Hashtable";
        private const string AsJson = "Json";
        private const string EnrollmentApi = "Enrollment";

        private HttpMethod _method = HttpMethod.Get;
        private List<KeyValuePair<string, string>> _query = new List<KeyValuePair<string, string>>();
        private string? _body;
        private PageRange _range = PageRange.All;
        private bool _asJson;
        private bool _asHashtable;

        /// <summary>
        /// Gets or sets the path of the endpoint, relative to the API, such as <c>/customers/cus_...</c>, with a query
        /// if wanted. Absolute URLs, other hosts and <c>..</c> segments are refused before any request. Accepts pipeline input.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Path { get; set; } = string.Empty;

        /// <summary>Gets or sets the HTTP method: GET (the default), POST, PATCH, PUT or DELETE.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PATCH", "PUT", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>Gets or sets the query parameters: each key with its value, an array for a repeated key, a nested hashtable for bracketed names.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>Gets or sets the body: a hashtable or object, sent as JSON, or a string, sent as it is.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Gets or sets which API the path belongs to: Nomos (the default) or Enrollment.</summary>
        [Parameter]
        [ValidateSet("Nomos", EnrollmentApi)]
        public string Api { get; set; } = "Nomos";

        /// <summary>Gets or sets whether to follow the list's pages and write each item of every page.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Gets or sets how JSON answers are written: PSObject (as ConvertFrom-Json gives them, the default), Hashtable, or Json (the text).</summary>
        [Parameter]
        [ValidateSet(AsPSObject, AsHashtable, AsJson)]
        public string OutputType { get; set; } = AsPSObject;

        private bool IsEnrollment => string.Equals(Api, EnrollmentApi, StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            // ValidateSet takes any case.
            _method = new HttpMethod(Method.ToUpperInvariant());
            _asJson = string.Equals(OutputType, AsJson, StringComparison.OrdinalIgnoreCase);
            _asHashtable = string.Equals(OutputType, AsHashtable, StringComparison.OrdinalIgnoreCase);
            try
            {
                _query = Query == null ? _query : QueryValues.From(Query);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidQuery",
                    ex.Message,
                    Query,
                    "Give each -Query value as text, a number, a boolean or a date, or an array of them for a repeated key; a hashtable value nests its keys in brackets."));
            }

            try
            {
                _body = RequestBodyJson.From(Body);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("NomosMeters.InvalidBody", ex.Message, null, "Pass a hashtable, an object or a JSON string as -Body."));
            }

            if (_body != null && _method == HttpMethod.Get)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidBody",
                    "A GET request has no body.",
                    null,
                    "Pass the values of a GET with -Query, or send the body with -Method POST, PATCH or PUT."));
            }

            _range = RequestedRange();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            ServiceConnection service = IsEnrollment ? RequireEnrollment() : RequireNomos();
            var client = service.Requests;
            if (All && client.PagingMethod != _method)
            {
                StopCannotPage(client);
            }

            RelativePath path;
            try
            {
                path = RelativePath.Parse(Path, client.Endpoint);
            }
            catch (ArgumentException ex)
            {
                // One bad path of many piped in: the others go on.
                WriteError(ErrorRecords.InvalidArgument(
                    "NomosMeters.InvalidPath",
                    ex.Message,
                    Path,
                    $"Pass the path relative to the API, such as {(IsEnrollment ? "/v2/meters/enrollments/search" : "/customers/cus_3r7t1y5u9i2o6p0a4s8d1f5g")}; requests go to {client.Endpoint.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/')} only."));
                return;
            }

            var query = new QueryString().AddEncoded(path.Query);
            foreach (var parameter in _query)
            {
                query.Add(parameter.Key, parameter.Value);
            }

            var call = new RawRequest(_method, path, query, _body);
            if (_method != HttpMethod.Get && !ShouldProcess(client.Endpoint.Resolve(call.PathAndQuery).AbsoluteUri, _method.Method))
            {
                return;
            }

            try
            {
                if (All)
                {
                    WriteList(client, call);
                }
                else
                {
                    ForItem(Path, () => WriteAnswer(Await(client.SendAsync(call, Context))));
                }
            }
            catch (JsonKeyConflictException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "NomosMeters.JsonKeysDifferInCase", ErrorCategory.InvalidData, Path)
                {
                    ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "Run it with -OutputType Hashtable (its keys are case-sensitive) or -OutputType Json." },
                });
            }
        }

        private void WriteList(RawRequestClient client, RawRequest call)
        {
            IAsyncEnumerable<JsonElement> items;
            try
            {
                items = client.ListAsync(call, _range, Context);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("NomosMeters.InvalidBody", ex.Message, null, "Pass the search's filters as a hashtable, or as the JSON text of an object."));
                return;
            }

            WriteStream(items, "objects", output: item => _asJson ? item.GetRawText() : JsonOutput.ToObject(item, _asHashtable));
        }

        // -First and -Skip count what is written: the items of an array answer, else the one answer.
        private void WriteAnswer(RawResponse answer)
        {
            IEnumerable<object?> written = Outputs(answer).Where((_, index) => (ulong)index >= _range.Skip);
            if (_range.First.HasValue)
            {
                written = written.Take((int)Math.Min(_range.First.Value, int.MaxValue));
            }

            foreach (var output in written)
            {
                WriteObject(output);
            }
        }

        private IEnumerable<object?> Outputs(RawResponse answer)
        {
            if (answer.Json is JsonElement json)
            {
                if (_asJson)
                {
                    yield return answer.Text;
                }
                else if (json.ValueKind == JsonValueKind.Array)
                {
                    // As ConvertFrom-Json of PowerShell 7 does: the items of an array one by one.
                    foreach (var item in json.EnumerateArray())
                    {
                        yield return JsonOutput.ToObject(item, _asHashtable);
                    }
                }
                else if (json.ValueKind != JsonValueKind.Null)
                {
                    yield return JsonOutput.ToObject(json, _asHashtable);
                }
            }
            else if (answer.Text != null)
            {
                yield return answer.Text;
            }
            else if (answer.Bytes != null)
            {
                yield return answer.Bytes;
            }
        }

        private void StopCannotPage(RawRequestClient client)
        {
            var message = IsEnrollment
                ? $"-All follows the searches of the enrollment API, which are {client.PagingMethod.Method}s with the page token in the body; this request is a {_method.Method}."
                : $"-All follows the lists of the Nomos API, which are read with {client.PagingMethod.Method}; this request is a {_method.Method}.";
            var advice = IsEnrollment
                ? "Run a search such as /v2/meters/enrollments/search with -Method POST and -All, or the request without -All."
                : "Run a list such as /invoices with -Method GET (the default) and -All, or the request without -All.";
            ThrowTerminatingError(ErrorRecords.InvalidArgument("NomosMeters.CannotPage", message, Path, advice));
        }
    }
}
