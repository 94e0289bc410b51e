using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using NomosMeters.Client;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Paging;
using NomosMeters.Tests.TestBeds;
using RichardSzalay.MockHttp;
using Xunit;

namespace NomosMeters.Tests.Wire
{
    /// <summary>The meter-details client on the wire: the v2 paths, the spec's example read into every typed property, errors.</summary>
    public sealed class MeterDetailWireTests
    {
        private const string SearchUrl = MockServer.EnrollmentBase + "/v2/meters/search";

        [Fact]
        public async Task GetAsksTheV2DetailsPathWithTheApiKey()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            var id = EnrollmentSamples.Id(7);
            h.Mock.When(HttpMethod.Get, MockServer.EnrollmentBase + "/v2/meters/" + id).Respond(_ => MockServer.Json(HttpStatusCode.OK, MeterDetailSamples.Meter(id)));

            var detail = await h.Connection.Enrollment!.MeterDetails.GetAsync(id, CallContext.None);

            Assert.Equal(id, detail.MeterId);
            var sent = Assert.Single(h.Log.All);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/v2/meters/" + id, sent.Uri.AbsolutePath);
            Assert.Equal("Bearer " + MockServer.EnrollmentApiKey, sent.Header("Authorization"));
        }

        [Fact]
        public async Task SpecExampleDeserializesIntoEveryTypedPropertyAndKeepsUnknownValues()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            var id = EnrollmentSamples.Id(1);
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.OK, MeterDetailSamples.Meter(id)));

            var d = await h.Connection.Enrollment!.MeterDetails.GetAsync(id, CallContext.None);

            Assert.Equal("unique-reference-id-12345", d.PartnerReference);
            Assert.Equal("CAISO", d.TransmissionRegion);
            Assert.Equal("RESIDENTIAL", d.CustomerClassification);
            Assert.Equal("HVAC", d.LoadTypes.ToString());
            Assert.Equal("UTILITY_METER", d.MeterType);
            Assert.Equal("tags;tags", d.Tags.ToString());
            Assert.True(d.IsArchived);
            Assert.Equal("PARTNER", d.CreatedBy);
            Assert.Equal(new DateTimeOffset(2000, 1, 23, 4, 56, 7, TimeSpan.Zero), d.CreatedAt);

            var c = d.Customer!;
            Assert.Equal(("132 My Street", "Apartment 32", "10001", "New York", "NY", "US"), (c.Street1, c.Street2, c.PostalCode, c.City, c.StateOrProvinceCode, c.CountryCode));
            Assert.Equal(("Customer Name", "Mrs.", "email@address.com", "(123) 123-4567", "Company Name Inc."), (c.EndCustomerName, c.EndCustomerTitle, c.EndCustomerEmail, c.EndCustomerPhoneNumber, c.EndCustomerCompanyName));
            Assert.Equal(("Offering Name", new DateTime(2000, 1, 23), true, "DAILY", "partner-customer-reference-1"), (c.PartnerOfferingName, c.PartnerOfferingDate, c.IsInWholesaleCapacityMarket, c.DispatchOption, c.PartnerCustomerReference));
            Assert.Equal("132 My Street, Apartment 32, New York, NY 10001, US", c.Address.ToString());
            Assert.Equal("132 My Billing Street, Apartment 32, Los Angeles, CA 90210, US", c.Billing!.ToString());
            Assert.Equal("Customer Name (Company Name Inc.), 132 My Street, Apartment 32, New York, NY 10001, US", c.ToString());

            var device = d.Device!;
            Assert.Equal(("BATTERY", "device-serial-number", "device-model", "device-manufacturer"), (device.DeviceType, device.DeviceSerialNumber, device.DeviceModel, device.DeviceManufacturer));
            Assert.Equal((new DateTime(2000, 1, 23), 1.233, 9.876, 4, new DateTime(2000, 1, 23)), (device.InstallDate!.Value, device.BatteryPowerCapacityKw!.Value, device.BatteryEnergyCapacityKwh!.Value, device.BatteryDurationHours!.Value, device.PermissionToOperateDate!.Value));
            Assert.Equal(
                "DeviceType=BATTERY; DeviceSerialNumber=device-serial-number; DeviceModel=device-model; DeviceManufacturer=device-manufacturer; InstallDate=2000-01-23; BatteryPowerCapacityKw=1.233; BatteryEnergyCapacityKwh=9.876; BatteryDurationHours=4; PermissionToOperateDate=2000-01-23",
                device.ToString());

            var site = d.Site!;
            Assert.Equal(("load-zone", 1, true, true), (site.LoadZone, site.NumberOfDevices!.Value, site.OnSiteFossilGenerator!.Value, site.RenewableGenerator!.Value));
            Assert.Equal((1.234, 2020, "Manufacturer of the generator", string.Empty, "generator-serial-number"), (site.GeneratorCapacityKw!.Value, site.GeneratorModelYear!.Value, site.GeneratorManufacturer, site.GeneratorFuelType, site.GeneratorSerialNumber));
            Assert.Equal(2, site.SiteDevices.Count);
            var battery = site.SiteDevices[0];
            Assert.Equal(("BATTERY", "device-model", "device-manufacturer", "device-serial-number", 39.504, 9.876, 4), (battery.DeviceType, battery.Model, battery.Manufacturer, battery.SerialNumber, battery.EnergyCapacityKwh!.Value, battery.PowerCapacityKw!.Value, battery.EnergyCapacityDurationHours!.Value));
            Assert.Equal(("EVSE_LEVEL_1", 2020, "DIESEL", 7.5, 7.5, 95.0, 10.0, "Acme Installations Inc.", true), (battery.VoltageLevel, battery.ModelYear!.Value, battery.FuelType, battery.MaxEnergyProductionRateKw!.Value, battery.MaxEnergyConsumptionRateKw!.Value, battery.BatteryMaxStateOfChargePercentage!.Value, battery.BatteryMinStateOfChargePercentage!.Value, battery.Installer, battery.PvConnected!.Value));
            Assert.Equal("FLYWHEEL", site.SiteDevices[1].DeviceType);
            Assert.Equal("BATTERY device-manufacturer device-model (9.876 kW, 39.504 kWh);FLYWHEEL Spin Inc. fw-1", site.SiteDevices.ToString());

            Assert.Equal((true, "NEM2"), (d.Caiso!.IsReceivingSgipFunding!.Value, d.Caiso.NemType));
            Assert.True(d.Isone!.InConnectedSolutions);
            Assert.Equal(("AVERAGE_DAY", "INDIVIDUAL_OR_SOLE_PROPRIETOR", "666266", "666266"), (d.Nyiso!.CblMethod, d.Nyiso.CompanyType, d.Nyiso.ExistingNyisoResourceId, d.Nyiso.PartnerNyisoResourceName));
            var u = d.Utility!;
            Assert.Equal(("PGE", "PGE", "12243243-121", "tariff code", ">= 600 V", "utility-meter-serial-number", "bill_service_agreement_number", "bill_customer_account_number"), (u.UtilityName, u.LoadServingEntity, u.ElectricServiceAccountNumber, u.Tariff, u.Voltage, u.UtilityMeterSerialNumber, u.BillServiceAgreementNumber, u.BillCustomerAccountNumber));
            Assert.Equal(id.ToString(), d.ToString());
        }

        [Fact]
        public async Task SearchPostsTheFilterToTheV2DetailsSearchAndPagesOn()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            var bodies = new Queue<string>(new[]
            {
                MeterDetailSamples.Page(new[] { EnrollmentSamples.Id(1), EnrollmentSamples.Id(2) }, "\"t1\""),
                MeterDetailSamples.Page(new[] { EnrollmentSamples.Id(3) }, null),
            });
            h.Mock.When(HttpMethod.Post, SearchUrl).Respond(_ => MockServer.Json(HttpStatusCode.OK, bodies.Dequeue()));

            var ids = new List<Guid>();
            await foreach (var d in h.Connection.Enrollment!.MeterDetails.SearchAsync(new MeterFilterRequest { PageSize = 2, TransmissionRegion = "CAISO" }, PageRange.All, CallContext.None))
            {
                ids.Add(d.MeterId);
            }

            Assert.Equal(new[] { 1, 2, 3 }.Select(EnrollmentSamples.Id), ids);
            Assert.Equal(
                new[] { "{\"page_size\":2,\"transmission_region\":\"CAISO\"}", "{\"page_token\":\"t1\",\"page_size\":2,\"transmission_region\":\"CAISO\"}" },
                h.Log.Enrollment.Select(r => r.Body));
            Assert.All(h.Log.Enrollment, r => Assert.Equal("/v2/meters/search", r.Uri.AbsolutePath));
        }

        [Fact]
        public async Task LookUpAnswersEachIdInOrderWithNullForTheUnknown()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            h.Mock.When(HttpMethod.Post, SearchUrl).Respond(_ => MockServer.Json(HttpStatusCode.OK, MeterDetailSamples.Page(new[] { EnrollmentSamples.Id(2), EnrollmentSamples.Id(1) }, null)));

            var looked = await h.Connection.Enrollment!.MeterDetails.LookUpAsync(new[] { EnrollmentSamples.Id(1), EnrollmentSamples.Id(9), EnrollmentSamples.Id(2), EnrollmentSamples.Id(1) }, CallContext.None);

            Assert.Equal(new[] { 1, 9, 2, 1 }.Select(EnrollmentSamples.Id), looked.Select(p => p.Key));
            Assert.Equal(new Guid?[] { EnrollmentSamples.Id(1), null, EnrollmentSamples.Id(2), EnrollmentSamples.Id(1) }, looked.Select(p => p.Value?.MeterId));
            Assert.Equal("{\"page_size\":500,\"meter_ids\":[\"00000000-0000-0000-0000-000000000001\",\"00000000-0000-0000-0000-000000000009\",\"00000000-0000-0000-0000-000000000002\"]}", Assert.Single(h.Log.Enrollment).Body);
        }

        [Fact]
        public async Task AnUnknownMeterIsTheApisNotFound()
        {
            using var h = TestBed.Mock().Connection(enrollment: true);
            h.Mock.When(HttpMethod.Get, "*").Respond(_ => MockServer.Json(HttpStatusCode.NotFound, "{\"title\":\"Meter not found\",\"status\":404,\"details\":{\"meter_id\":\"f5c5e328-e325-4d6d-b357-5015ed5962a7\"}}"));

            var error = await Assert.ThrowsAsync<ApiRequestException>(() => h.Connection.Enrollment!.MeterDetails.GetAsync(EnrollmentSamples.Id(1), CallContext.None));

            Assert.Equal(404, error.StatusCode);
            Assert.Equal("NomosMeters.NotFound", error.ErrorId);
            Assert.Contains("Meter not found", error.Message);
        }
    }
}
