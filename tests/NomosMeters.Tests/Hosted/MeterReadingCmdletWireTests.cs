using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using NomosMeters.Models;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using NomosMeters.Tests.Wire;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>Get-MeterReading and New-MeterReading as a user types them, asserting the exact requests each parameter puts on the wire.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class MeterReadingCmdletWireTests : IDisposable
    {
        private const string Readings = MockServer.Base + "/meter-readings";
        private const string In = "filter%5Bsubscription%5D%5Bin%5D=";
        private readonly EngineBed _h = TestBed.Mock().Engine();

        // A test's own answer to a list request, where it wants one; null leaves it to the default below.
        private Func<string, HttpResponseMessage?> _answer = _ => null;

        public MeterReadingCmdletWireTests()
        {
            _h.Mock.ServeTokens();
            // One reading per subscription asked for, or seven of all.
            _h.Mock.When(HttpMethod.Get, Readings).Respond(req =>
            {
                if (_answer(Uri.UnescapeDataString(req.RequestUri!.Query)) is HttpResponseMessage answer)
                {
                    return answer;
                }

                var query = Uri.UnescapeDataString(req.RequestUri!.Query);
                var subscriptions = Filter(query, "filter[subscription][in]=") ?? Filter(query, "filter[subscription][eq]=") ?? Enumerable.Range(1, 7).Select(i => "sub_all" + i).ToArray();
                return MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(subscriptions.Select(s => NomosSamples.Reading("mr_" + s.Substring(4), s)), null));
            });
        }

        public void Dispose() => _h.Dispose();

        private List<string> Queries => _h.Log.Api.Where(r => r.Method == "GET").Select(r => r.Uri.Query).ToList();

        private static string[]? Filter(string query, string key)
        {
            var start = query.IndexOf(key, StringComparison.Ordinal);
            return start < 0 ? null : query.Substring(start + key.Length).Split('&')[0].Split(',');
        }

        private static string Ids(int from, int count) => string.Join(", ", Enumerable.Range(from, count).Select(i => $"'sub_{i:D24}'"));

        [Theory]
        [InlineData("", "?limit=100")]
        [InlineData("-Subscription sub_a", "?filter%5Bsubscription%5D%5Beq%5D=sub_a&limit=100")]
        [InlineData("-Subscription sub_a, sub_b, sub_a", "?filter%5Bsubscription%5D%5Bin%5D=sub_a,sub_b&limit=100")]
        [InlineData("sub_a", "?filter%5Bsubscription%5D%5Beq%5D=sub_a&limit=100")]
        [InlineData("-Type grid_reading", "?filter%5Btype%5D%5Beq%5D=grid_reading&limit=100")]
        [InlineData("-Type Grid_Estimation, customer_report, GRID_ESTIMATION", "?filter%5Btype%5D%5Bin%5D=grid_estimation,customer_report&limit=100")]
        [InlineData("-CreatedAfter '2026-11-01'", "?filter%5Bcreated_at%5D%5Bgte%5D=2026-11-01T00%3A00%3A00Z&limit=100")]
        [InlineData("-CreatedAfter '2026-11-01T08:00:00+01:00'", "?filter%5Bcreated_at%5D%5Bgte%5D=2026-11-01T07%3A00%3A00Z&limit=100")]
        [InlineData("-CreatedAfter ([datetimeoffset]'2026-11-01T00:00:00-05:00')", "?filter%5Bcreated_at%5D%5Bgte%5D=2026-11-01T05%3A00%3A00Z&limit=100")]
        [InlineData("-CreatedBefore '2026-11-30 23:59:59.5'", "?filter%5Bcreated_at%5D%5Blte%5D=2026-11-30T23%3A59%3A59.5Z&limit=100")]
        [InlineData("-PageSize 7", "?limit=7")]
        [InlineData("-First 3", "?limit=3")]
        [InlineData("-First 3 -Skip 2", "?limit=5")]
        public void EachParameterSendsItsExactQuery(string parameters, string expected)
        {
            var result = _h.Engine.Run("Get-MeterReading -Connection $conn " + parameters);

            result.AssertNoErrors();
            Assert.NotEmpty(result.Objects<MeterReading>());
            Assert.Equal(expected, Assert.Single(Queries));
        }

        [Fact]
        public void IncludeTotalCountWritesTheUnknownTotalFirst()
        {
            var result = _h.Engine.Run("$r = @(Get-MeterReading -Connection $conn -IncludeTotalCount -First 2); $r[0].ToString(); $r[1..2]");

            result.AssertNoErrors();
            Assert.Equal("Unknown total count", result.Output[0].BaseObject);
            Assert.Equal(2, result.Objects<MeterReading>().Count);
        }

        [Fact]
        public void EveryFilterTogetherIsOneQuery()
        {
            var result = _h.Engine.Run(
                "Get-MeterReading -Connection $conn -Subscription sub_a, sub_b -Type grid_reading -CreatedAfter '2026-11-01' -CreatedBefore '2026-11-08T00:00:00Z' -PageSize 50");

            result.AssertNoErrors();
            Assert.Equal(
                "?filter%5Btype%5D%5Beq%5D=grid_reading&filter%5Bsubscription%5D%5Bin%5D=sub_a,sub_b&filter%5Bcreated_at%5D%5Bgte%5D=2026-11-01T00%3A00%3A00Z&filter%5Bcreated_at%5D%5Blte%5D=2026-11-08T00%3A00%3A00Z&limit=50",
                Assert.Single(Queries));
        }

        [Fact]
        public void AKnownTypeIsSpelledAsTheApiDoesAndAnUnknownOneIsSentAsGivenWithAWarning()
        {
            var result = _h.Engine.Run("Get-MeterReading -Connection $conn -Type GRID_reading, smart_estimate");

            result.AssertNoErrors();
            Assert.Equal("?filter%5Btype%5D%5Bin%5D=grid_reading,smart_estimate&limit=100", Assert.Single(Queries));
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("'smart_estimate' is not a meter-reading type this module knows (customer_report, grid_reading, grid_estimation)", warning);
        }

        [Fact]
        public void PipedSubscriptionsAreListedFiftyARequestEachOnceInInputOrder()
        {
            var result = _h.Engine.Run($"@({Ids(1, 120)}) + @({Ids(1, 10)}) | Get-MeterReading -Connection $conn -Type grid_reading");

            result.AssertNoErrors();
            var batches = Queries.Select(q => Filter(Uri.UnescapeDataString(q), "filter[subscription][in]=")!).ToList();
            Assert.Equal(new[] { 50, 50, 20 }, batches.Select(b => b.Length));
            Assert.Equal(Enumerable.Range(1, 120).Select(i => $"sub_{i:D24}"), batches.SelectMany(b => b));
            Assert.All(Queries, q => Assert.StartsWith("?filter%5Btype%5D%5Beq%5D=grid_reading&" + In, q));
            Assert.Equal(Enumerable.Range(1, 120).Select(i => $"mr_{i:D24}"), result.Objects<MeterReading>().Select(r => r.Id));
        }

        [Fact]
        public void MeterOrdersBindBySubscriptionAndABatchIsSentAsSoonAsItIsFull()
        {
            // The 51st object's binding runs after the first batch's request: batches stream, they do not wait for the input's end.
            _h.Engine.SetVariable("log", _h.Log);
            var result = _h.Engine.Run(
                "1..51 | ForEach-Object { if ($_ -eq 51) { $script:sentBefore51 = $log.Api.Count }; [pscustomobject]@{ Id = \"prdo_$_\"; Subscription = 'sub_{0:D24}' -f $_; Status = 'activated' } } |" +
                " Get-MeterReading -Connection $conn; $script:sentBefore51");

            result.AssertNoErrors();
            Assert.Equal(1, result.Output.Last().BaseObject);
            Assert.Equal(2, Queries.Count);
            Assert.Equal(51, result.Objects<MeterReading>().Count);
        }

        [Fact]
        public void LongIdsFillABatchByTheirLengthInTheUrl()
        {
            var result = _h.Engine.Run("1..30 | ForEach-Object { 'sub_' + ('{0:D3}' -f $_) + ('x' * 96) } | Get-MeterReading -Connection $conn");

            result.AssertNoErrors();
            // 104 characters and a comma each: 14 fit in 1,500.
            Assert.Equal(new[] { 14, 14, 2 }, Queries.Select(q => Filter(Uri.UnescapeDataString(q), "filter[subscription][in]=")!.Length));
            Assert.All(Queries, q => Assert.True(q.Length < 2000, $"{q.Length} characters"));
        }

        [Fact]
        public void FirstAndSkipCountOverEveryBatchAndNoBatchIsRequestedOnceFirstHasEnough()
        {
            var result = _h.Engine.Run($"@({Ids(1, 160)}) | Get-MeterReading -Connection $conn -Skip 45 -First 10");

            result.AssertNoErrors();
            Assert.Equal(Enumerable.Range(46, 10).Select(i => $"mr_{i:D24}"), result.Objects<MeterReading>().Select(r => r.Id));
            // The first batch is asked for the 55 it may need (45 skipped and 10), the second for the 5 still wanted; none after.
            Assert.Equal(2, Queries.Count);
            Assert.EndsWith("&limit=55", Queries[0]);
            Assert.EndsWith("&limit=5", Queries[1]);
        }

        [Fact]
        public void WrongInputIsAnErrorPerIdAndTheOthersAreListed()
        {
            var result = _h.Engine.Run("'sub_a', '', 'prdo_123', '  sub_b  ', 'sub_a' | Get-MeterReading -Connection $conn");

            Assert.Equal("?" + In + "sub_a,sub_b&limit=100", Assert.Single(Queries));
            Assert.Equal(new[] { "mr_a", "mr_b" }, result.Objects<MeterReading>().Select(r => r.Id));
            Assert.Equal(
                new[] { "NomosMeters.InvalidSubscription,NomosMeters.Commands.GetMeterReadingCommand", "NomosMeters.WrongIdKind,NomosMeters.Commands.GetMeterReadingCommand" },
                result.Errors.Select(e => e.FullyQualifiedErrorId));
            Assert.Equal("prdo_123", result.Errors[1].TargetObject);
        }

        [Fact]
        public void AnObjectWithoutASubscriptionPropertyIsAnErrorNotAnId()
        {
            var result = _h.Engine.Run("[pscustomobject]@{ Name = 'Depot' }, [pscustomobject]@{ SubscriptionId = 'sub_a' } | Get-MeterReading -Connection $conn");

            Assert.Equal("?" + "filter%5Bsubscription%5D%5Beq%5D=sub_a&limit=100", Assert.Single(Queries));
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId);
            Assert.Contains("'@{Name=Depot}' is not a subscription id", error.Exception.Message);
        }

        [Theory]
        [InlineData("@() | Get-MeterReading -Connection $conn")]
        [InlineData("Get-MeterReading -Connection $conn -Subscription @()")]
        [InlineData("[pscustomobject]@{ Name = 'no id' }, 42 | Get-MeterReading -Connection $conn -ErrorAction SilentlyContinue")]
        [InlineData("Get-MeterReading -Connection $conn -First 0")]
        public void InputThatSelectsNothingSendsNothingAndNeverListsEverySubscription(string script)
        {
            var result = _h.Engine.Run(script);

            Assert.Null(result.Terminating);
            Assert.Empty(result.Objects<MeterReading>());
            Assert.Empty(_h.Log.Api);
        }

        [Theory]
        [InlineData("Get-MeterReading -Connection $conn -CreatedAfter 2026-11-08 -CreatedBefore 2026-11-01", "NomosMeters.InvalidDateRange")]
        [InlineData("'sub_a' | Get-MeterReading -Connection $conn -ResumeToken nmr1.x", "NomosMeters.InvalidResumeToken")]
        [InlineData("Get-MeterReading -Connection $conn -ResumeToken nmr1.x", "NomosMeters.InvalidResumeToken")]
        [InlineData("Get-MeterReading -Connection $conn -CreatedAfter '03.11.2026'", "ParameterArgumentTransformationError")]
        [InlineData("Get-MeterReading -Connection $conn -PageSize 101", "ParameterArgumentValidationError")]
        public void InvalidInputStopsBeforeAnyRequest(string script, string errorId)
        {
            var result = _h.Engine.Run(script);

            Assert.NotNull(result.Failure);
            Assert.StartsWith(errorId + ",", result.Failure!.FullyQualifiedErrorId);
            Assert.Empty(_h.Log.Api);
        }

        [Fact]
        public void ABatchThatFailsEndsTheListWithTheCountOfEveryBatchAndASkipThatGoesOnAfterThem()
        {
            // The second batch (ids 51 to 100) is refused; a 400 is never retried.
            _answer = q => q.Contains("sub_" + 51.ToString("D24"), StringComparison.Ordinal)
                ? MockServer.Json(HttpStatusCode.BadRequest, "{\"code\":\"BAD_REQUEST\",\"message\":\"bad filter\",\"requestId\":\"r-9\",\"docs\":\"d\"}")
                : null;

            var result = _h.Engine.Run($"@({Ids(1, 120)}) | Get-MeterReading -Connection $conn -Skip 5");

            Assert.Equal(45, result.Objects<MeterReading>().Count);
            Assert.Equal(2, Queries.Count);
            var error = result.Failure!;
            Assert.Equal("NomosMeters.BadRequest,NomosMeters.Commands.GetMeterReadingCommand", error.FullyQualifiedErrorId);
            Assert.EndsWith("The list stopped after 45 meter readings had been written.", error.ErrorDetails.Message);
            Assert.StartsWith("Run the command again; -Skip 50 continues after the meter readings already written.", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void AListOfOneBatchThatFailsShowsTheCommandThatGoesOnExactlyAndThatCommandDoes()
        {
            _answer = q => q.Contains("cursor=c2", StringComparison.Ordinal)
                ? MockServer.Json(HttpStatusCode.BadRequest, "{\"code\":\"BAD_REQUEST\",\"message\":\"gone\",\"requestId\":\"r-8\",\"docs\":\"d\"}")
                : q.Contains("cursor=c1", StringComparison.Ordinal)
                    ? MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_2", "sub_a") }, "c2"))
                    : MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_1", "sub_a") }, "c1"));

            var failed = _h.Engine.Run("Get-MeterReading -Connection $conn -Subscription sub_a -Type grid_reading");

            Assert.Equal(new[] { "mr_1", "mr_2" }, failed.Objects<MeterReading>().Select(r => r.Id));
            var advice = failed.Failure!.ErrorDetails.RecommendedAction;
            Assert.Contains("run: Get-MeterReading -Subscription 'sub_a' -Type 'grid_reading' -Connection $conn -ResumeToken 'nmr1.", advice);
            _h.Engine.SetVariable("token", advice.Substring(advice.IndexOf("-ResumeToken '", StringComparison.Ordinal) + 14).TrimEnd('\''));
            _answer = q => q.Contains("cursor=c2", StringComparison.Ordinal) ? MockServer.Json(HttpStatusCode.OK, NomosSamples.ListPage(new[] { NomosSamples.Reading("mr_3", "sub_a") }, null)) : null;

            var resumed = _h.Engine.Run("Get-MeterReading -Connection $conn -Subscription sub_a -Type grid_reading -ResumeToken $token");

            resumed.AssertNoErrors();
            Assert.Equal(new[] { "mr_3" }, resumed.Objects<MeterReading>().Select(r => r.Id));
            Assert.EndsWith("&cursor=c2", Queries.Last());
        }

        [Fact]
        public void AResumeTokenOfOneFilterSetIsRefusedForAnother()
        {
            _h.Engine.SetVariable("token", NomosMeters.Commands.ResumeTokenCodec.Write("Get-MeterReading", "type=;subscription=sub_a;created_at_gte=;created_at_lte=;limit=100", "c1"));
            var other = _h.Engine.Run("Get-MeterReading -Connection $conn -Subscription sub_b -ResumeToken $token");

            Assert.Equal("NomosMeters.InvalidResumeToken,NomosMeters.Commands.GetMeterReadingCommand", other.Failure?.FullyQualifiedErrorId);
            Assert.Empty(_h.Log.Api);
        }

        [Theory]
        [InlineData("-Subscription sub_1 -Value 14520.5 -Timestamp '2026-11-28T08:00:00+01:00'", "{\"subscription\":\"sub_1\",\"value\":14520.5,\"timestamp\":\"2026-11-28T07:00:00Z\"}")]
        [InlineData("sub_1 14520 2026-11-28", "{\"subscription\":\"sub_1\",\"value\":14520,\"timestamp\":\"2026-11-28T00:00:00Z\"}")]
        [InlineData("-Subscription sub_1 -Value '0.25' -Timestamp '2026-11-28 08:15'", "{\"subscription\":\"sub_1\",\"value\":0.25,\"timestamp\":\"2026-11-28T08:15:00Z\"}")]
        [InlineData("-Subscription sub_1 -Value 7 -Timestamp ([datetime]'2026-11-28T08:00:00')", "{\"subscription\":\"sub_1\",\"value\":7,\"timestamp\":\"2026-11-28T08:00:00Z\"}")]
        [InlineData("-Subscription sub_1 -Value 1.5e3 -Timestamp ([datetimeoffset]'2026-11-28T08:00:00+02:00')", "{\"subscription\":\"sub_1\",\"value\":1500,\"timestamp\":\"2026-11-28T06:00:00Z\"}")]
        [InlineData("-Subscription sub_1 -Value 7 -Timestamp 2026-11-28 -Message 'Read by the tenant'", "{\"subscription\":\"sub_1\",\"value\":7,\"timestamp\":\"2026-11-28T00:00:00Z\",\"message\":\"Read by the tenant\"}")]
        [InlineData("-Subscription sub_1 -Value 7 -Timestamp 2026-11-28 -Message ''", "{\"subscription\":\"sub_1\",\"value\":7,\"timestamp\":\"2026-11-28T00:00:00Z\"}")]
        public void NewMeterReadingSendsEachParameterAsTheSpecNamesIt(string parameters, string body)
        {
            _h.Mock.When(HttpMethod.Post, Readings).Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Reading("mr_new", type: "customer_report")));

            var result = _h.Engine.Run("New-MeterReading -Connection $conn " + parameters);

            result.AssertNoErrors();
            Assert.Equal("mr_new", Assert.Single(result.Objects<MeterReading>()).Id);
            var sent = Assert.Single(_h.Log.Api);
            Assert.Equal("POST", sent.Method);
            Assert.Equal(Readings, sent.Wire);
            Assert.Equal(body, sent.Body);
        }

        [Fact]
        public void CsvRowsUnderAGermanCultureAreReadTheSameAndBadRowsAreRefusedEachWithoutStoppingTheRest()
        {
            _h.Mock.When(HttpMethod.Post, Readings).Respond(_ => MockServer.Json(HttpStatusCode.OK, NomosSamples.Reading("mr_new", type: "customer_report")));
            _h.Engine.SetVariable("long", new string('x', 501));

            var result = _h.Engine.Run(
                "[cultureinfo]::CurrentCulture = 'de-DE'; " +
                "@'\nSubscription,Value,Timestamp,Message\nsub_1,1234.5,2026-11-28T08:00:00+01:00,\nsub_2,\"1234,5\",2026-11-28,\nsub_3,0,2026-11-28,\nsub_4,12,28.11.2026,\nsub_5,-1,,\nprdo_6,5,2026-11-28,\n,5,2026-11-28,\nsub_8,8,2026-11-28,ok\n'@ | ConvertFrom-Csv | " +
                "ForEach-Object { if ($_.Subscription -eq 'sub_8') { $_.Message = $long }; $_ } | New-MeterReading -Connection $conn");

            Assert.Equal("{\"subscription\":\"sub_1\",\"value\":1234.5,\"timestamp\":\"2026-11-28T07:00:00Z\"}", Assert.Single(_h.Log.Api).Body);
            Assert.Single(result.Objects<MeterReading>());
            var errors = result.Errors.Select(e => (e.FullyQualifiedErrorId.Split(',')[0], e.ErrorDetails?.Message ?? e.Exception.Message)).ToList();
            Assert.Equal(7, errors.Count);
            Assert.Equal("ParameterArgumentTransformationError", errors[0].Item1);
            Assert.Contains("'1234,5' is not a number that reads the same on every machine", errors[0].Item2);
            Assert.Equal(("NomosMeters.InvalidMeterReading", "The meter reading for sub_3 was not sent: the value must be greater than 0 kWh, not 0."), errors[1]);
            Assert.Equal("ParameterArgumentTransformationError", errors[2].Item1);
            Assert.Contains("'28.11.2026' is not a date or time in ISO 8601", errors[2].Item2);
            Assert.Equal(("NomosMeters.InvalidMeterReading", "The meter reading for sub_5 was not sent: the value must be greater than 0 kWh, not -1; there is no timestamp."), errors[3]);
            Assert.Equal(("NomosMeters.InvalidMeterReading", "The meter reading for prdo_6 was not sent: 'prdo_6' is a meter order id (prdo_), not a subscription id (sub_)."), errors[4]);
            Assert.Equal(("NomosMeters.InvalidMeterReading", "A meter reading was not sent: the subscription id is empty."), errors[5]);
            Assert.Equal(("NomosMeters.InvalidMeterReading", "The meter reading for sub_8 was not sent: the message has 501 characters, more than the 500 the API takes."), errors[6]);
            var target = (PSObject)result.Errors[3].TargetObject;
            Assert.Equal(new object?[] { "sub_5", "-1", null, null }, target.Properties.Select(p => p.Value));
            Assert.All(result.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("NomosMeters.", StringComparison.Ordinal)), e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        }

        [Fact]
        public void WhatIfSendsNothingAndSaysWhatWouldBeRecorded()
        {
            var result = _h.Engine.Run("New-MeterReading -Connection $conn -Subscription sub_1 -Value 12.5 -Timestamp '2026-11-28T08:00:00+01:00' -WhatIf");

            result.AssertNoErrors();
            Assert.Empty(result.Output);
            Assert.Empty(_h.Log.Api);
        }

        [Theory]
        [InlineData(500, "{\"code\":\"INTERNAL_SERVER_ERROR\",\"message\":\"boom\",\"requestId\":\"r-1\",\"docs\":\"d\"}", true)]
        [InlineData(422, "{\"code\":\"UNPROCESSABLE_ENTITY\",\"message\":\"no active meter\",\"requestId\":\"r-2\",\"docs\":\"d\",\"errors\":[{\"code\":\"unsupported_meter_reading\",\"field\":\"subscription\",\"message\":\"no active meter\"}]}", false)]
        [InlineData(404, "{\"code\":\"NOT_FOUND\",\"message\":\"Subscription 'sub_1' was not found\",\"requestId\":\"r-3\",\"docs\":\"d\"}", false)]
        public void AFailedPostIsSentOnceAndItsErrorSaysWhetherTheReadingMayHaveBeenRecorded(int status, string body, bool mayHaveBeenRecorded)
        {
            _h.Mock.When(HttpMethod.Post, Readings).Respond(_ => MockServer.Json((HttpStatusCode)status, body));

            var result = _h.Engine.Run("'sub_1', 'sub_2' | New-MeterReading -Connection $conn -Value 12.5 -Timestamp 2026-11-28");

            Assert.Equal(2, _h.Log.Api.Count);
            Assert.Equal(2, result.Errors.Count);
            var error = result.Errors[0];
            Assert.Equal("sub_1", ((PSObject)error.TargetObject).Properties["Subscription"].Value);
            if (mayHaveBeenRecorded)
            {
                Assert.EndsWith("The reading may have been recorded: the request failed after it reached the API, and it is not sent again by itself.", error.ErrorDetails.Message);
                Assert.StartsWith("Check before sending it again: Get-MeterReading -Subscription sub_1 -Type customer_report -CreatedAfter '", error.ErrorDetails.RecommendedAction);
            }
            else
            {
                Assert.EndsWith("The reading was not recorded.", error.ErrorDetails.Message);
                Assert.DoesNotContain("Get-MeterReading", error.ErrorDetails.RecommendedAction);
            }
        }

        [Fact]
        public void ARefusedCredentialStopsThePipelineAndSaysNothingWasRecorded()
        {
            _h.Mock.When(HttpMethod.Post, Readings).Respond(_ => MockServer.Json(HttpStatusCode.Forbidden, "{\"code\":\"FORBIDDEN\",\"message\":\"read-only key\",\"requestId\":\"r-4\",\"docs\":\"d\"}"));

            var result = _h.Engine.Run("'sub_1', 'sub_2' | New-MeterReading -Connection $conn -Value 12.5 -Timestamp 2026-11-28");

            Assert.Equal("NomosMeters.Forbidden,NomosMeters.Commands.NewMeterReadingCommand", result.Failure?.FullyQualifiedErrorId);
            Assert.EndsWith("The reading was not recorded.", result.Failure!.ErrorDetails.Message);
            Assert.Single(_h.Log.Api);
        }
    }
}
