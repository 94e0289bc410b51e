using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using Xunit;

namespace NomosMeters.Tests.Sandbox
{
    /// <summary>The ids the README and the help show are real in a fresh sandbox, so their examples run there as written.</summary>
    public sealed class DocumentedIdsTests
    {
        private static readonly string[] Documents = { "README.md", "src/NomosMeters/en-US/about_NomosMeters.help.txt", "src/NomosMeters/en-US/NomosMeters.dll-Help.xml" };

        private static readonly Regex NomosId = new Regex(@"\b(prdo|sub|cus)_[0-9a-z]{24}\b", RegexOptions.CultureInvariant);

        private static readonly Regex EventId = new Regex(@"\bevt_[0-9a-z]{24}\b", RegexOptions.CultureInvariant);

        private static readonly Regex Guid = new Regex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", RegexOptions.CultureInvariant);

        private readonly NomosSandbox _sandbox = new NomosSandbox();

        [Fact]
        public void EveryMeterOrderSubscriptionAndCustomerIdTheDocumentsShowExists()
        {
            var known = new HashSet<string>(_sandbox.MeterOrders.Select(o => o.Id)
                .Concat(_sandbox.Subscriptions.SelectMany(s => new[] { s.Id, s.Customer })));
            var shown = Lines().SelectMany(l => NomosId.Matches(l.Text).Select(m => (l.Where, Id: m.Value))).ToList();

            Assert.Contains(shown, s => s.Id.StartsWith("prdo_", StringComparison.Ordinal));
            Assert.Contains(shown, s => s.Id.StartsWith("cus_", StringComparison.Ordinal));
            Assert.Empty(shown.Where(s => !known.Contains(s.Id)).Select(s => $"{s.Where}: {s.Id}"));
        }

        [Fact]
        public void EveryEventIdTheDocumentsShowExists()
        {
            var known = new HashSet<string>(_sandbox.MeterOrders.SelectMany(o => _sandbox.EventsOf(o.Id)).Select(e => e.Id));
            var shown = Lines().SelectMany(l => EventId.Matches(l.Text).Select(m => (l.Where, Id: m.Value))).ToList();

            Assert.NotEmpty(shown);
            Assert.Empty(shown.Where(s => !known.Contains(s.Id)).Select(s => $"{s.Where}: {s.Id}"));
        }

        [Fact]
        public void EverySubscriptionTheDocumentsOrderForIsFreeInAFreshSandbox()
        {
            var ordered = Lines().Where(l => l.Text.Contains("New-MeterOrder", StringComparison.Ordinal))
                .SelectMany(l => NomosId.Matches(l.Text).Select(m => (l.Where, Id: m.Value))).ToList();

            Assert.Contains(ordered, o => o.Id == "sub_4k2m9x7q1w8e5r3t6y0u2i4o");
            Assert.Empty(ordered.Where(o => !_sandbox.FreeSubscriptions.Contains(o.Id)).Select(o => $"{o.Where}: {o.Id}"));
        }

        [Fact]
        public void EveryMeterIdTheHelpShowsExists()
        {
            // The help only: the README's sample output also shows request ids, which are GUIDs too.
            var shown = Lines().Where(l => !l.Where.StartsWith("README", StringComparison.Ordinal))
                .SelectMany(l => Guid.Matches(l.Text).Select(m => (l.Where, Id: System.Guid.Parse(m.Value)))).ToList();

            Assert.NotEmpty(shown);
            Assert.Empty(shown.Where(s => _sandbox.MeterEnrollments.All(m => m.MeterId != s.Id)).Select(s => $"{s.Where}: {s.Id}"));
        }

        private static IEnumerable<(string Where, string Text)> Lines()
            => Documents.SelectMany(d => File.ReadAllLines(Path.Combine(RepoPaths.Root, d)).Select((text, i) => ($"{d}:{i + 1}", text)));
    }
}
