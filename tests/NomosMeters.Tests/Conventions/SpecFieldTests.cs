using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using NomosMeters.Models.Enrollments;
using NomosMeters.Models.MeterDetails;
using Xunit;

namespace NomosMeters.Tests.Conventions
{
    /// <summary>
    /// The models against the vendors' specs: every field a schema defines is a property of its type, named as the
    /// field in PascalCase, and the type names no field the spec does not have.
    /// </summary>
    public sealed class SpecFieldTests
    {
        private const string DetailsSpec = "leap-meter-details-openapi.yml";
        private const string EnrollmentSpec = "leap-meter-enrollment-openapi-2.0.0.yml";

        public static IEnumerable<object[]> DetailSchemas()
        {
            yield return new object[] { DetailsSpec, "MeterDetailsResponse", typeof(MeterDetail) };
            yield return new object[] { DetailsSpec, "Customer", typeof(Customer) };
            yield return new object[] { DetailsSpec, "Customer_billing", typeof(PostalAddress) };
            yield return new object[] { DetailsSpec, "Device", typeof(Device) };
            yield return new object[] { DetailsSpec, "Site", typeof(Site) };
            yield return new object[] { DetailsSpec, "DeviceInfo", typeof(SiteDevice) };
            yield return new object[] { DetailsSpec, "Caiso", typeof(CaisoDetail) };
            yield return new object[] { DetailsSpec, "Isone", typeof(IsoneDetail) };
            yield return new object[] { DetailsSpec, "Nyiso", typeof(NyisoDetail) };
            yield return new object[] { DetailsSpec, "ReadUtility_utility", typeof(Utility) };
            yield return new object[] { DetailsSpec, "AuditInfo_audit", typeof(MeterRecord.AuditInfo) };
        }

        [Theory]
        [MemberData(nameof(DetailSchemas))]
        [InlineData(EnrollmentSpec, "MeterEnrollmentResponse", typeof(MeterEnrollment))]
        public void EveryFieldOfTheSchemaIsAPropertyAndNoPropertyIsMadeUp(string spec, string schema, Type type)
        {
            var fields = OpenApiSchemas.Load(spec).Fields(schema);

            Assert.True(fields.Count > 0, $"{schema} has no fields in {spec}: the reader found nothing to compare");
            Assert.Equal(fields, JsonNames(type).Keys.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(DetailSchemas))]
        public void EveryDetailPropertyIsItsFieldInPascalCase(string spec, string schema, Type type)
        {
            _ = spec;
            _ = schema;
            var misnamed = JsonNames(type)
                .Where(p => p.Value.GetMethod!.IsPublic && p.Value.Name != Pascal(p.Key))
                .Select(p => $"{type.Name}.{p.Value.Name} for {p.Key} (want {Pascal(p.Key)})")
                .ToList();

            Assert.True(misnamed.Count == 0, string.Join(", ", misnamed));
        }

        [Fact]
        public void TheReaderFollowsAllOfIntoEveryIncludedSchema()
        {
            // The details response is four schemas in the spec; a reader that stopped at the first would miss the others.
            var fields = OpenApiSchemas.Load(DetailsSpec).Fields("MeterDetailsResponse");

            Assert.Contains("meter_id", fields);
            Assert.Contains("connection_references", fields);
            Assert.Contains("customer", fields);
            Assert.Contains("utility", fields);
            Assert.Contains("audit", fields);
            Assert.Contains("bill_customer_account_number", OpenApiSchemas.Load(DetailsSpec).Fields("ReadUtility_utility"));
        }

        private static Dictionary<string, PropertyInfo> JsonNames(Type type)
            => WireTypes.SerializedProperties(type)
                .Where(p => p.IsDefined(typeof(JsonPropertyNameAttribute)))
                .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p => p, StringComparer.Ordinal);

        private static string Pascal(string field)
            => string.Concat(field.Split('_').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part.Substring(1)));
    }
}
