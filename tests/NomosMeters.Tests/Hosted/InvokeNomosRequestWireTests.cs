using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Invoke-NomosRequest as a user types it, asserting what goes on the wire and what comes out.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class InvokeNomosRequestWireTests : IDisposable
    {
        private const string Search = MockServer.EnrollmentBase + "/v2/meters/enrollments/search";
        private readonly CapturingHost _host = new CapturingHost();
        private readonly EngineBed _h;

        public InvokeNomosRequestWireTests()
        {
            _h = TestBed.Mock().Engine(_host);
            _h.Mock.ServeTokens();
        }

        public void Dispose() => _h.Dispose();

        private ScriptResult Run(string command) => _h.Engine.Run(command.Replace("Invoke-NomosRequest", "Invoke-NomosRequest -Connection $conn"));

        private void Answer(HttpMethod method, string url, string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
            => _h.Mock.When(method, url).Respond(_ => MockServer.Json(status, body, mediaType));

        private static string Item(int n) => $"{{\"object\":\"invoice\",\"id\":\"inv_{n}\"}}";

        private static string NomosPage(string? next, params int[] items)
            => $"{{\"object\":\"list\",\"items\":[{string.Join(",", items.Select(Item))}],\"has_more\":{(next != null ? "true" : "false")},\"next_page\":{(next == null ? "null" : "\"" + next + "\"")}}}";

        private static string EnrollmentPage(string? next, params int[] items)
            => $"{{{(next == null ? string.Empty : "\"next_page_token\":\"" + next + "\",")}\"meters\":[{string.Join(",", items.Select(n => $"{{\"meter_id\":\"m{n}\"}}"))}]}}";

        private string[] Ids(ScriptResult result) => result.Output.Select(o => (string)o.Properties["id"].Value).ToArray();

        [Fact]
        public void QueryKeysAndValuesAreEncodedAndAnArrayRepeatsItsKey()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/meter-orders", NomosPage(null));

            var result = Run(
                "[cultureinfo]::CurrentCulture = 'de-DE'; " +
                "Invoke-NomosRequest /meter-orders -Query ([ordered]@{ 'filter[status][in]' = 'scheduled,installed'; 'filter[customer][eq]' = 'cus_1'; " +
                "tag = 'a b', 'c&d=e'; flag = $true; ratio = 1.5; none = $null; since = [datetimeoffset]'2026-05-01T10:00:00+02:00' })");

            result.AssertNoErrors();
            Assert.Equal(
                "https://api.nomos.energy/meter-orders?filter%5Bstatus%5D%5Bin%5D=scheduled%2Cinstalled&filter%5Bcustomer%5D%5Beq%5D=cus_1" +
                "&tag=a%20b&tag=c%26d%3De&flag=true&ratio=1.5&since=2026-05-01T08%3A00%3A00Z",
                Assert.Single(_h.Log.Api).Wire);
        }

        [Fact]
        public void APlainHashtableGoesInKeyOrderAndANestedOneNestsItsKeysInBrackets()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/meter-orders", NomosPage(null));

            var result = Run("Invoke-NomosRequest /meter-orders -Query @{ z = 1; filter = @{ status = @{ eq = 'placed' } }; a = 'x' }");

            result.AssertNoErrors();
            Assert.Equal("https://api.nomos.energy/meter-orders?a=x&filter%5Bstatus%5D%5Beq%5D=placed&z=1", Assert.Single(_h.Log.Api).Wire);
        }

        [Fact]
        public void ThePathKeepsItsOwnQueryAndTheQueryParametersFollowIt()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/meter-orders", NomosPage(null));

            var result = Run("Invoke-NomosRequest '/meter-orders?limit=5&filter%5Bstatus%5D%5Beq%5D=placed' -Query @{ x = 'y z' }");

            result.AssertNoErrors();
            Assert.Equal("https://api.nomos.energy/meter-orders?limit=5&filter%5Bstatus%5D%5Beq%5D=placed&x=y%20z", Assert.Single(_h.Log.Api).Wire);
        }

        [Theory]
        [InlineData("/customers/cus 1/ü", "https://api.nomos.energy/customers/cus%201/%C3%BC")]
        [InlineData("/meter-orders/a%2Fb", "https://api.nomos.energy/meter-orders/a%2Fb")]
        [InlineData("meter-orders", "https://api.nomos.energy/meter-orders")]
        [InlineData("@evil.example/x", "https://api.nomos.energy/@evil.example/x")]
        [InlineData(".evil.example/x", "https://api.nomos.energy/.evil.example/x")]
        [InlineData(":8443/x", "https://api.nomos.energy/:8443/x")]
        [InlineData("/a%zz", "https://api.nomos.energy/a%25zz")]
        public void APathStaysOnTheApiHostEncodedOnce(string path, string wire)
        {
            _h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.OK, "{}"));
            _h.Engine.SetVariable("path", path);

            var result = Run("Invoke-NomosRequest -Path $path");

            result.AssertNoErrors();
            Assert.Equal(wire, Assert.Single(_h.Log.Api).Wire);
        }

        [Theory]
        [InlineData("https://evil.example/x", "absolute URL")]
        [InlineData("http://api.nomos.energy/meter-orders", "pass -Path '/meter-orders'")]
        [InlineData("javascript:alert(1)", "absolute URL")]
        [InlineData("//evil.example/x", "names a host")]
        [InlineData("/../x", "'..' segment")]
        [InlineData("/meter-orders/../../x", "'..' segment")]
        [InlineData("/a/%2e%2e/x", "'..' segment")]
        [InlineData("/a/%2E%2e/x", "'..' segment")]
        [InlineData("/a/.%2e/x", "'..' segment")]
        [InlineData("/a/%252e%252e/x", "'..' segment")]
        [InlineData("/a/%2e%2e%2fx", "'..' segment")]
        [InlineData("/./meter-orders", "'..' segment")]
        [InlineData("\\..\\x", "contains '\\'")]
        [InlineData("/a\\b", "contains '\\'")]
        [InlineData("/meter-orders#x", "contains '#'")]
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        public void APathThatCouldLeaveTheApiIsRefusedBeforeAnyRequest(string path, string reason)
        {
            _h.Engine.SetVariable("path", path);

            var result = Run("Invoke-NomosRequest -Path $path -Method DELETE -Confirm:$false");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.InvalidPath,NomosMeters.Commands.InvokeNomosRequestCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal(path, error.TargetObject);
            Assert.Contains(reason, error.ToString());
            Assert.Contains("The request was not sent", error.ToString());
            Assert.Empty(_h.Log.All);
        }

        [Fact]
        public void OneRefusedPathOfManyIsANonTerminatingErrorAndTheOthersAreSent()
        {
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/meter-orders/*").Respond(req => MockServer.Json(HttpStatusCode.OK, Item(req.RequestUri!.Segments.Length)));

            var result = Run("'/meter-orders/1', 'https://evil.example/x', '/meter-orders/2' | Invoke-NomosRequest");

            Assert.Equal(2, result.Output.Count);
            Assert.Equal("NomosMeters.InvalidPath", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(new[] { "/meter-orders/1", "/meter-orders/2" }, _h.Log.Api.Select(r => r.Uri.AbsolutePath));
        }

        [Fact]
        public void AHashtableBodyIsJsonOfItsValuesWithTheirJsonTypes()
        {
            Answer(HttpMethod.Post, MockServer.Base + "/leads", "{\"object\":\"lead\",\"id\":\"lead_1\"}");

            var result = Run(
                "Invoke-NomosRequest /leads -Method POST -Body ([ordered]@{ name = 'Jürgen \"J\" +1'; count = 2; price = 12.50d; ok = $true; none = $null; " +
                "list = 1, 'two'; nested = @{ b = 1; a = [pscustomobject]@{ z = 'last'; y = 'first' } }; when = [datetimeoffset]'2026-05-01T10:00:00+02:00'; " +
                "kind = [System.DayOfWeek]::Monday; big = [bigint]::Parse('123456789012345678901234567890') })");

            result.AssertNoErrors();
            var sent = Assert.Single(_h.Log.Api);
            Assert.Equal(
                "{\"name\":\"Jürgen \\\"J\\\" +1\",\"count\":2,\"price\":12.50,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]," +
                "\"nested\":{\"a\":{\"z\":\"last\",\"y\":\"first\"},\"b\":1},\"when\":\"2026-05-01T08:00:00Z\",\"kind\":\"Monday\"," +
                "\"big\":123456789012345678901234567890}",
                sent.Body);
            Assert.Equal("application/json; charset=utf-8", sent.ContentType);
            Assert.Equal("lead_1", result.Output.Single().Properties["id"].Value);
        }

        [Fact]
        public void AHashtableThatHasAnOrderKeepsItInTheBody()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/things/1", "{\"z\":1,\"a\":{\"y\":true,\"b\":[1.5]}}");
            Answer(new HttpMethod("PATCH"), MockServer.Base + "/things/1", "{}");

            var result = Run(
                "$thing = Invoke-NomosRequest /things/1 -OutputType Hashtable; " +
                "Invoke-NomosRequest /things/1 -Method PATCH -Body $thing -Confirm:$false; " +
                "Invoke-NomosRequest /things/1 -Method PATCH -Body ('{\"z\":1,\"a\":2}' | ConvertFrom-Json -AsHashtable) -Confirm:$false");

            result.AssertNoErrors();
            Assert.Equal(new[] { "{\"z\":1,\"a\":{\"y\":true,\"b\":[1.5]}}", "{\"z\":1,\"a\":2}" }, _h.Log.Api.Where(r => r.Method == "PATCH").Select(r => r.Body));
        }

        [Fact]
        public void AStringBodyIsSentAsItIs()
        {
            Answer(HttpMethod.Put, MockServer.Base + "/things/1", "{}");

            var result = Run("Invoke-NomosRequest /things/1 -Method PUT -Body '{ \"a\" : [1,2] }' -Confirm:$false");

            result.AssertNoErrors();
            Assert.Equal("{ \"a\" : [1,2] }", Assert.Single(_h.Log.Api).Body);
        }

        [Theory]
        [InlineData("-Body @{ a = 1 }", "A GET request has no body")]
        [InlineData("-Method POST -Body @{ password = (ConvertTo-SecureString 'x' -AsPlainText -Force) }", "never writes a secret")]
        [InlineData("-Method POST -Body @{ f = [double]::NaN }", "JSON cannot express")]
        [InlineData("-Method POST -Body @{ run = { Get-Date } }", "script block")]
        public void ABodyThatCannotBeSentIsRefusedBeforeAnyRequest(string parameters, string reason)
        {
            var result = Run("Invoke-NomosRequest /leads " + parameters);

            Assert.Equal("NomosMeters.InvalidBody,NomosMeters.Commands.InvokeNomosRequestCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains(reason, result.Failure.ToString());
            Assert.Empty(_h.Log.All);
        }

        [Theory]
        [InlineData("-Query @{ a = @{ b = 1 }, 2 }", "a list or table inside a list")]
        [InlineData("-Query @{ a = [pscustomobject]@{ b = 1 } }", "PSCustomObject")]
        public void AQueryValueWithoutATextFormIsRefusedBeforeAnyRequest(string parameters, string reason)
        {
            var result = Run("Invoke-NomosRequest /meter-orders " + parameters);

            Assert.Equal("NomosMeters.InvalidQuery,NomosMeters.Commands.InvokeNomosRequestCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains(reason, result.Failure.ToString());
            Assert.Empty(_h.Log.All);
        }

        [Fact]
        public void AllFollowsNextPageWithTheSameQueryAndTheLargestLimit()
        {
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/invoices").WithQueryString("cursor", "c2").Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosPage(null, 3)));
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage("c2", 1, 2));

            var result = Run("Invoke-NomosRequest /invoices -Query @{ 'filter[status][eq]' = 'open' } -All");

            result.AssertNoErrors();
            Assert.Equal(new[] { "inv_1", "inv_2", "inv_3" }, Ids(result));
            Assert.Equal(
                new[]
                {
                    "https://api.nomos.energy/invoices?filter%5Bstatus%5D%5Beq%5D=open&limit=100",
                    "https://api.nomos.energy/invoices?filter%5Bstatus%5D%5Beq%5D=open&limit=100&cursor=c2",
                },
                _h.Log.Api.Select(r => r.Wire));
        }

        [Fact]
        public void AllWithFirstAsksForNoMoreThanItNeeds()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage("c2", 1, 2));

            var result = Run("Invoke-NomosRequest /invoices -All -First 2");

            result.AssertNoErrors();
            Assert.Equal(new[] { "inv_1", "inv_2" }, Ids(result));
            Assert.Equal("https://api.nomos.energy/invoices?limit=2", Assert.Single(_h.Log.Api).Wire);
        }

        [Fact]
        public void AllFromAGivenCursorKeepsItsLimitWhateverFirstStillNeeds()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage("c6", 7, 8, 9));

            var result = Run("Invoke-NomosRequest /invoices -Query @{ cursor = 'c5'; limit = 20 } -All -First 2");

            result.AssertNoErrors();
            Assert.Equal(new[] { "inv_7", "inv_8" }, Ids(result));
            Assert.Equal("https://api.nomos.energy/invoices?limit=20&cursor=c5", Assert.Single(_h.Log.Api).Wire);
        }

        [Fact]
        public void AllTakesTheLimitAndTheStartingCursorFromTheQuery()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage(null, 7));

            var result = Run("Invoke-NomosRequest '/invoices?cursor=c5' -Query @{ limit = 20 } -All -Skip 0");

            result.AssertNoErrors();
            Assert.Equal("https://api.nomos.energy/invoices?limit=20&cursor=c5", Assert.Single(_h.Log.Api).Wire);
        }

        [Fact]
        public void AllWritesTheFirstItemBeforeAskingForTheSecondPage()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage("c2", 1, 2));

            var result = Run("Invoke-NomosRequest /invoices -All | Select-Object -First 1");

            result.AssertNoErrors();
            Assert.Equal(new[] { "inv_1" }, Ids(result));
            Assert.Single(_h.Log.Api);
        }

        [Fact]
        public void AllOnAnAnswerThatIsNoListFailsAtOnceWithoutRetrying()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/customers/cus_1", "{\"object\":\"customer\",\"id\":\"cus_1\",\"items\":[]}");

            var result = Run("Invoke-NomosRequest /customers/cus_1 -All");

            Assert.Equal("NomosMeters.NotAList,NomosMeters.Commands.InvokeNomosRequestCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, result.Failure.CategoryInfo.Category);
            Assert.Contains("without -All", result.Failure.ToString());
            Assert.Single(_h.Log.Api);
        }

        [Theory]
        [InlineData("Invoke-NomosRequest /meter-orders -Method POST -All", "read with GET")]
        [InlineData("Invoke-NomosRequest -Api Enrollment /v2/meters/enrollments/search -All", "POSTs with the page token in the body")]
        public void AllWithAMethodTheApiDoesNotPageWithIsRefusedBeforeAnyRequest(string command, string reason)
        {
            var result = Run(command + " -Confirm:$false");

            Assert.Equal("NomosMeters.CannotPage,NomosMeters.Commands.InvokeNomosRequestCommand", result.Failure!.FullyQualifiedErrorId);
            Assert.Contains(reason, result.Failure.ToString());
            Assert.Empty(_h.Log.All);
        }

        [Fact]
        public void AllFollowsEnrollmentPageTokensInTheBodyKeepingTheFilters()
        {
            var pages = new ConcurrentQueue<string>(new[] { EnrollmentPage("t2", 1, 2), EnrollmentPage(null, 3) });
            _h.Mock.When(HttpMethod.Post, Search).Respond(_ => MockServer.Json(HttpStatusCode.OK, pages.TryDequeue(out var page) ? page : "{}"));

            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -Body @{ transmission_region = 'CAISO'; tags = @('a') } -All");

            result.AssertNoErrors();
            Assert.Equal(new[] { "m1", "m2", "m3" }, result.Output.Select(o => (string)o.Properties["meter_id"].Value));
            Assert.Equal(
                new[] { "{\"tags\":[\"a\"],\"transmission_region\":\"CAISO\"}", "{\"page_token\":\"t2\",\"tags\":[\"a\"],\"transmission_region\":\"CAISO\"}" },
                _h.Log.Enrollment.Select(r => r.Body));
        }

        [Fact]
        public void EnrollmentAllWithFirstSetsThePageSize()
        {
            Answer(HttpMethod.Post, Search, EnrollmentPage("t9", 1, 2));

            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -Body '{\"tags\":[\"a\"]}' -All -First 2");

            result.AssertNoErrors();
            Assert.Equal(2, result.Output.Count);
            Assert.Equal("{\"page_size\":2,\"tags\":[\"a\"]}", Assert.Single(_h.Log.Enrollment).Body);
        }

        [Fact]
        public void EnrollmentAllWithAPageSizeThatIsNoWholeNumberSendsItAsItIs()
        {
            Answer(HttpMethod.Post, Search, EnrollmentPage(null, 1, 2));

            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -Body '{\"page_size\":\"100\",\"tags\":[\"a\"]}' -All -First 1");

            result.AssertNoErrors();
            Assert.Single(result.Output);
            Assert.Equal("{\"page_size\":\"100\",\"tags\":[\"a\"]}", Assert.Single(_h.Log.Enrollment).Body);
        }

        [Fact]
        public void EnrollmentAllFromAGivenTokenKeepsThePageSizeOfTheWalkItCameFrom()
        {
            Answer(HttpMethod.Post, Search, EnrollmentPage("t9", 1, 2, 3));

            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -Body '{\"page_token\":\"t5\",\"page_size\":3,\"tags\":[\"a\"]}' -All -First 2");

            result.AssertNoErrors();
            Assert.Equal(2, result.Output.Count);
            Assert.Equal("{\"page_token\":\"t5\",\"page_size\":3,\"tags\":[\"a\"]}", Assert.Single(_h.Log.Enrollment).Body);
        }

        [Theory]
        [InlineData("{\"meters\":[],\"programs\":[]}", "several arrays: meters, programs")]
        [InlineData("[1,2]", "a JSON array")]
        public void AnEnrollmentAnswerWithoutOneListOfItemsIsNotAList(string answer, string reason)
        {
            Answer(HttpMethod.Post, Search, answer);

            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -All");

            Assert.Equal("NomosMeters.NotAList", result.Failure!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(reason, result.Failure.ToString());
            Assert.Single(_h.Log.Enrollment);
        }

        [Fact]
        public void AnEnrollmentSearchBodyThatIsNotAnObjectCannotBePaged()
        {
            var result = Run("Invoke-NomosRequest -Api Enrollment -Method POST /v2/meters/enrollments/search -Body '[1]' -All");

            Assert.Equal("NomosMeters.InvalidBody", result.Failure!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("must be a JSON object", result.Failure.ToString());
            Assert.Empty(_h.Log.All);
        }

        [Fact]
        public void JsonBecomesCustomObjectsWithSensibleNumberTypesAndDatesAsStrings()
        {
            Answer(
                HttpMethod.Get,
                MockServer.Base + "/things/1",
                "{\"id\":\"x\",\"count\":42,\"big\":12345678901234567890,\"price\":12.340,\"tiny\":0.000000000000000000000000000001234," +
                "\"ratio\":1.5e3,\"ok\":true,\"off\":false,\"none\":null,\"when\":\"2026-05-27T10:15:00Z\",\"tags\":[\"a\",2],\"nested\":{\"k\":\"v\"},\"empty\":[]}");

            var result = Run("Invoke-NomosRequest /things/1");

            result.AssertNoErrors();
            var thing = Assert.Single(result.Output);
            Assert.IsType<PSCustomObject>(thing.BaseObject);
            Assert.Equal(new[] { "id", "count", "big", "price", "tiny", "ratio", "ok", "off", "none", "when", "tags", "nested", "empty" }, thing.Properties.Select(p => p.Name));
            Assert.Equal(42L, thing.Properties["count"].Value);
            Assert.Equal(12345678901234567890m, thing.Properties["big"].Value);
            Assert.Equal("12.340", ((decimal)thing.Properties["price"].Value).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0.000000000000000000000000000001234, thing.Properties["tiny"].Value);
            Assert.Equal(1500d, thing.Properties["ratio"].Value);
            Assert.Equal(true, thing.Properties["ok"].Value);
            Assert.Equal(false, thing.Properties["off"].Value);
            Assert.Null(thing.Properties["none"].Value);
            Assert.Equal("2026-05-27T10:15:00Z", thing.Properties["when"].Value);
            Assert.Equal(new object[] { "a", 2L }, (object[])thing.Properties["tags"].Value);
            Assert.Equal("v", ((PSObject)thing.Properties["nested"].Value).Properties["k"].Value);
            Assert.Empty((object[])thing.Properties["empty"].Value);
        }

        [Fact]
        public void HashtableOutputIsOrderedWithCaseSensitiveKeysAndNestedTables()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/things/1", "{\"b\":1,\"a\":{\"x\":[{\"y\":true}]},\"A\":3}");

            var result = Run("Invoke-NomosRequest /things/1 -OutputType hashtable");

            result.AssertNoErrors();
            var table = Assert.IsType<OrderedDictionary>(Assert.Single(result.Output).BaseObject);
            Assert.Equal(new[] { "b", "a", "A" }, table.Keys.Cast<string>());
            Assert.Equal(3L, table["A"]);
            var nested = (OrderedDictionary)((object[])((OrderedDictionary)table["a"]!)["x"]!)[0];
            Assert.Equal(true, nested["y"]);
        }

        [Fact]
        public void KeysThatDifferOnlyInCaseStopAPSObjectAnswerWithAdvice()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/things/1", "{\"id\":1,\"ID\":2}");

            var result = Run("Invoke-NomosRequest /things/1");

            Assert.Equal("NomosMeters.JsonKeysDifferInCase", result.Failure!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("-OutputType Hashtable", result.Failure.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void JsonOutputIsTheTextAsReceivedAndEachItemsTextWithAll()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/things/1", "{ \"a\" : 1 }");
            Answer(HttpMethod.Get, MockServer.Base + "/invoices", NomosPage(null, 1, 2));

            var one = Run("Invoke-NomosRequest /things/1 -OutputType Json");
            var all = Run("Invoke-NomosRequest /invoices -All -OutputType json");

            one.AssertNoErrors();
            all.AssertNoErrors();
            Assert.Equal("{ \"a\" : 1 }", Assert.Single(one.Output).BaseObject);
            Assert.Equal(new[] { Item(1), Item(2) }, all.Output.Select(o => (string)o.BaseObject));
        }

        [Fact]
        public void AnArrayAnswerWritesItsItemsAndFirstAndSkipCountThem()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/things", "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]");

            var result = Run("Invoke-NomosRequest /things -Skip 1 -First 1");

            result.AssertNoErrors();
            Assert.Equal(new[] { "b" }, Ids(result));
        }

        [Theory]
        [InlineData("text/plain", "plain words", "plain words")]
        [InlineData(null, "no type", "no type")]
        public void ATextAnswerIsWrittenAsText(string? mediaType, string body, string expected)
        {
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/status").Respond(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) };
                if (mediaType != null)
                {
                    response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
                }

                return response;
            });

            var result = Run("Invoke-NomosRequest /status");

            result.AssertNoErrors();
            Assert.Equal(expected, Assert.Single(result.Output).BaseObject);
        }

        [Theory]
        [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xFF })]
        [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x00, 0x01 })]
        public void ABinaryAnswerIsWrittenAsOneByteArrayByteForByte(byte[] pdf)
        {
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/invoices/inv_1/file").Respond(_ =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(pdf) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf") } } });

            var result = Run("Invoke-NomosRequest /invoices/inv_1/file");

            result.AssertNoErrors();
            Assert.Equal(pdf, Assert.IsType<byte[]>(Assert.Single(result.Output).BaseObject));
        }

        [Theory]
        [InlineData(HttpStatusCode.NoContent, "application/json")]
        [InlineData(HttpStatusCode.OK, "application/json")]
        public void AnEmptyAnswerWritesNothing(HttpStatusCode status, string mediaType)
        {
            _h.Mock.When(new HttpMethod("DELETE"), MockServer.Base + "/things/1").Respond(_ =>
                new HttpResponseMessage(status) { Content = new ByteArrayContent(Array.Empty<byte>()) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType) } } });

            var result = Run("Invoke-NomosRequest /things/1 -Method DELETE -Confirm:$false");

            result.AssertNoErrors();
            Assert.Empty(result.Output);
            Assert.Single(_h.Log.Api);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("PATCH")]
        [InlineData("PUT")]
        [InlineData("DELETE")]
        public void WhatIfSendsNoWriteAndSaysWhatWouldBeSent(string method)
        {
            _h.Engine.SetVariable("method", method);

            var result = Run("Invoke-NomosRequest /customers/cus_1 -Method $method -Body $(if ($method -ne 'DELETE') { @{ first_name = 'Ada' } }) -WhatIf");

            result.AssertNoErrors();
            Assert.Empty(result.Output);
            Assert.Empty(_h.Log.All);
            Assert.Contains($"What if: Performing the operation \"{method}\" on target \"https://api.nomos.energy/customers/cus_1\".", _host.Text);
        }

        [Fact]
        public void AWriteIsSentWhenConfirmedAndAGetIsNeverHeldBack()
        {
            Answer(new HttpMethod("PATCH"), MockServer.Base + "/customers/cus_1", "{\"id\":\"cus_1\"}");
            Answer(HttpMethod.Get, MockServer.Base + "/customers/cus_1", "{\"id\":\"cus_1\"}");

            var patch = Run("Invoke-NomosRequest /customers/cus_1 -Method PATCH -Body @{ first_name = 'Ada' } -Confirm:$false");
            var get = Run("Invoke-NomosRequest /customers/cus_1 -WhatIf");

            patch.AssertNoErrors();
            get.AssertNoErrors();
            Assert.Equal(new[] { "PATCH", "GET" }, _h.Log.Api.Select(r => r.Method));
            Assert.Equal("{\"first_name\":\"Ada\"}", _h.Log.Api[0].Body);
        }

        [Fact]
        public void NomosErrorBodiesBecomeTheModulesErrorRecords()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/customers/cus_404", "{\"code\":\"NOT_FOUND\",\"message\":\"Customer not found\",\"requestId\":\"req-1\",\"docs\":\"d\"}", HttpStatusCode.NotFound);
            Answer(
                new HttpMethod("PATCH"),
                MockServer.Base + "/customers/cus_1",
                "{\"code\":\"CONFLICT\",\"message\":\"Unique value already used\",\"requestId\":\"req-2\",\"docs\":\"d\",\"errors\":[{\"code\":\"duplicate_customer_email\",\"field\":\"email\",\"message\":\"taken\"}]}",
                HttpStatusCode.Conflict);

            var missing = Run("Invoke-NomosRequest /customers/cus_404");
            var duplicate = Run("Invoke-NomosRequest /customers/cus_1 -Method PATCH -Body @{ email = 'a@example.com' } -Confirm:$false");

            var notFound = Assert.Single(missing.Errors);
            Assert.Equal("NomosMeters.NotFound,NomosMeters.Commands.InvokeNomosRequestCommand", notFound.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
            Assert.Equal("/customers/cus_404", notFound.TargetObject);
            Assert.Equal("req-1", ((ApiRequestException)notFound.Exception).RequestId);
            Assert.StartsWith("Customer not found. (Nomos API, HTTP 404 NOT_FOUND, GET /customers/cus_404", notFound.ErrorDetails.Message);
            var conflict = Assert.Single(duplicate.Errors);
            Assert.Equal("NomosMeters.DuplicateCustomerEmail", conflict.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, conflict.CategoryInfo.Category);
        }

        [Fact]
        public void EnrollmentErrorBodiesBecomeTheModulesErrorRecords()
        {
            Answer(HttpMethod.Get, MockServer.EnrollmentBase + "/v2/meters/abc/enrollments", "{\"title\":\"Meter id is not a UUID\",\"status\":400,\"details\":{\"meter_id\":\"abc\"}}", HttpStatusCode.BadRequest);

            var result = Run("Invoke-NomosRequest -Api Enrollment /v2/meters/abc/enrollments");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.BadRequest,NomosMeters.Commands.InvokeNomosRequestCommand", error.FullyQualifiedErrorId);
            var api = (ApiRequestException)error.Exception;
            Assert.Equal("Enrollment", api.Service);
            Assert.Equal("meter_id", Assert.Single(api.FieldErrors).Field);
        }

        [Fact]
        public void ATokenTheApiRejectsIsRenewedOnceAndTheRequestRepeated()
        {
            var answers = new ConcurrentQueue<bool>(new[] { false, true });
            _h.Mock.When(HttpMethod.Get, MockServer.Base + "/customers/cus_1").Respond(_ => answers.TryDequeue(out var accepted) && !accepted
                ? MockServer.Json(HttpStatusCode.Unauthorized, "{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid token\",\"requestId\":\"r\",\"docs\":\"d\"}")
                : MockServer.Json(HttpStatusCode.OK, "{\"id\":\"cus_1\"}"));

            var result = Run("Invoke-NomosRequest /customers/cus_1 -Verbose");

            result.AssertNoErrors();
            Assert.Equal("cus_1", Assert.Single(result.Output).Properties["id"].Value);
            Assert.Equal(new[] { "Bearer at1", "Bearer at2" }, _h.Log.Api.Select(r => r.Header("Authorization")));
            Assert.Equal(new[] { "GET /customers/cus_1 -> 401", "GET /customers/cus_1 -> 200" }, result.Verbose.Where(v => v.StartsWith("GET ", StringComparison.Ordinal)).Select(v => v.Substring(0, v.IndexOf(" (", StringComparison.Ordinal))));
            Assert.All(_h.Log.Api, r => Assert.Equal("2026-05-27.curie", r.Header("X-API-Version")));
        }

        [Fact]
        public void AFailureThatWouldRepeatForEveryPathStopsThePipeline()
        {
            Answer(HttpMethod.Get, MockServer.Base + "/customers/cus_1", "{\"code\":\"FORBIDDEN\",\"message\":\"Missing scope read:customers\",\"requestId\":\"r\",\"docs\":\"d\"}", HttpStatusCode.Forbidden);

            var result = Run("'/customers/cus_1', '/customers/cus_2' | Invoke-NomosRequest");

            // One error, not one per path: the second path is never sent.
            Assert.Equal("NomosMeters.Forbidden", Assert.Single(result.AllErrors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Single(_h.Log.Api);
        }
    }
}
