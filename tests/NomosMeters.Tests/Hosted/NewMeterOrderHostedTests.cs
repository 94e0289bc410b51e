using System;
using System.Linq;
using System.Management.Automation;
using NomosMeters.Models;
using NomosMeters.Sandbox;
using NomosMeters.Tests.Infrastructure;
using NomosMeters.Tests.TestBeds;
using Xunit;

namespace NomosMeters.Tests.Hosted
{
    /// <summary>New-MeterOrder against the sandbox, which allows one order per subscription ever.</summary>
    [Collection(HostedEngineCollection.Name)]
    public sealed class NewMeterOrderHostedTests : IDisposable
    {
        private readonly EngineBed _s = TestBed.Sandbox().Engine();

        public void Dispose() => _s.Dispose();

        private string[] Spare(int count)
            => _s.Sandbox.Subscriptions.Where(x => !x.HasMeterOrder && !x.IsEnded).Take(count).Select(x => x.Id).ToArray();

        private int Posts => _s.Sandbox.RequestLog.Count(r => r.StartsWith("POST /meter-orders", StringComparison.Ordinal));

        [Fact]
        public void PipedSubscriptionIdsEachGetANewOrder()
        {
            var subs = Spare(3);
            _s.Engine.SetVariable("subs", subs);

            var result = _s.Engine.Run("$subs | New-MeterOrder");

            result.AssertNoErrors();
            var orders = result.Objects<MeterOrder>();
            Assert.Equal(subs, orders.Select(o => o.Subscription));
            Assert.All(orders, o => Assert.Equal(MeterOrderStatus.Created, o.Status));
            Assert.All(orders, o => Assert.StartsWith("prdo_", o.Id));
            Assert.All(subs, sub => Assert.Contains(_s.Sandbox.MeterOrders, o => o.Subscription == sub));
        }

        [Fact]
        public void WhatIfSendsNothing()
        {
            _s.Engine.SetVariable("sub", Spare(1)[0]);

            var result = _s.Engine.Run("New-MeterOrder -Subscription $sub -WhatIf");

            result.AssertNoErrors();
            Assert.Empty(result.Output);
            Assert.Equal(0, Posts);
        }

        [Fact]
        public void ObjectsBindByPropertyNameSubscriptionIdOrId()
        {
            var subs = Spare(2);
            _s.Engine.SetVariable("subs", subs);

            var result = _s.Engine.Run("[pscustomobject]@{ SubscriptionId = $subs[0] }, [pscustomobject]@{ Id = $subs[1]; Name = 'from a subscription list' } | New-MeterOrder");

            result.AssertNoErrors();
            Assert.Equal(subs, result.Objects<MeterOrder>().Select(o => o.Subscription));
        }

        [Fact]
        public void ADuplicateIsANonTerminatingErrorAndTheRestGoOn()
        {
            var spare = Spare(1)[0];
            var taken = _s.Sandbox.MeterOrders.First(o => o.Status == MeterOrderStatus.Cancelled).Subscription;
            _s.Engine.SetVariable("subs", new[] { taken, spare });

            var result = _s.Engine.Run("$subs | New-MeterOrder");

            Assert.Equal(spare, Assert.Single(result.Objects<MeterOrder>()).Subscription);
            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.NewMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal(taken, error.TargetObject);
            Assert.Contains("Get-MeterOrder -Subscription", error.ErrorDetails.RecommendedAction);
        }

        [Fact]
        public void GetMeterOrderOutputPipesIntoNewMeterOrderBySubscription()
        {
            var cancelled = _s.Sandbox.MeterOrders.First(o => o.Status == MeterOrderStatus.Cancelled);

            var result = _s.Engine.Run("Get-MeterOrder -Status cancelled -First 1 | New-MeterOrder");

            // The subscription, not the order id, reached the API: and it already had its one order.
            var error = Assert.Single(result.Errors);
            Assert.Equal(cancelled.Subscription, error.TargetObject);
            Assert.Contains("POST /meter-orders", error.ToString());
        }

        [Fact]
        public void AnEndedSubscriptionIsRefusedWithItsOwnErrorId()
        {
            var ended = _s.Sandbox.Subscriptions.First(x => x.IsEnded && !x.HasMeterOrder).Id;
            _s.Engine.SetVariable("sub", ended);

            var result = _s.Engine.Run("New-MeterOrder $sub");

            var error = Assert.Single(result.Errors);
            Assert.Equal("NomosMeters.EndedSubscription,NomosMeters.Commands.NewMeterOrderCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        }

        [Fact]
        public void TheContextsFreeSubscriptionsEachGetAnOrderOnceAndTheNextSandboxHasThemAgain()
        {
            var ordered = _s.Engine.Run("(Get-NomosContext).FreeSubscriptions | New-MeterOrder");

            ordered.AssertNoErrors();
            Assert.Equal(NomosSandbox.WellKnownSubscriptions, ordered.Objects<MeterOrder>().Select(o => o.Subscription));

            var again = _s.Engine.Run("@((Get-NomosContext).FreeSubscriptions).Count; 'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | New-MeterOrder");
            Assert.Equal(0, again.Output[0].BaseObject);
            Assert.Equal("NomosMeters.DuplicateMeterOrder,NomosMeters.Commands.NewMeterOrderCommand", Assert.Single(again.Errors).FullyQualifiedErrorId);

            var fresh = _s.Engine.Run("Connect-Nomos -Sandbox; 'sub_4k2m9x7q1w8e5r3t6y0u2i4o' | New-MeterOrder; (Get-NomosContext).FreeSubscriptions");
            fresh.AssertNoErrors();
            Assert.Equal("sub_4k2m9x7q1w8e5r3t6y0u2i4o", Assert.Single(fresh.Objects<MeterOrder>()).Subscription);
            Assert.Equal(NomosSandbox.WellKnownSubscriptions.Skip(1), fresh.Output.Skip(1).Select(o => o.BaseObject));
        }

        [Theory]
        [InlineData("''")]
        [InlineData("'   '")]
        public void AnEmptyIdIsRefusedWithoutARequest(string value)
        {
            var result = _s.Engine.Run($"New-MeterOrder -Subscription {value}");

            Assert.Equal("NomosMeters.InvalidSubscription,NomosMeters.Commands.NewMeterOrderCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, Posts);
        }
    }
}
