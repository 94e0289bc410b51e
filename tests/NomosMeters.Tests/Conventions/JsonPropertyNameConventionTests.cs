using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using NomosMeters.Models;
using NomosMeters.Models.Enrollments;
using Xunit;

namespace NomosMeters.Tests.Conventions
{
    /// <summary>
    /// Every field of the wire is named where it is declared, [JsonPropertyName("created_at")], never left to a naming
    /// policy: renaming a C# property must not rename what goes on the wire.
    /// </summary>
    public sealed class JsonPropertyNameConventionTests
    {
        [Fact]
        public void EveryPropertyOfEveryWireTypeNamesItsJsonFieldUnlessIgnored()
        {
            var unnamed = WireTypes.All
                .SelectMany(t => WireTypes.SerializedProperties(t).Where(p => !p.IsDefined(typeof(JsonPropertyNameAttribute))).Select(p => t.Name + "." + p.Name))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();

            Assert.True(unnamed.Count == 0, "Without [JsonPropertyName] or [JsonIgnore]: " + string.Join(", ", unnamed));
        }

        [Fact]
        public void TheWireTypesAreFoundDownToNestedListedAndNonPublicOnes()
        {
            // What the test above checks is only as complete as this walk: a type in a list, one reached through an
            // internal [JsonInclude] property, a base class, and the generic list envelope must all be in it.
            Assert.Contains(typeof(MeterOrder), WireTypes.All);
            Assert.Contains(typeof(EnrollmentDeadline), WireTypes.All);
            Assert.Contains(typeof(MeterRecord.AuditInfo), WireTypes.All);
            Assert.Contains(typeof(MeterRecord), WireTypes.All);
            Assert.Contains(typeof(NomosMeters.Client.Nomos.NomosListPage<MeterOrder>), WireTypes.All);
            Assert.DoesNotContain(WireTypes.All, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueList<>));
        }

        [Fact]
        public void EveryClassThatNamesJsonFieldsIsOneTheSerializerContextServes()
        {
            // A wire type outside the one source-generated context would be read by reflection, or not at all.
            var outside = typeof(NomosConnection).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsGenericTypeDefinition && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
                .Where(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Any(p => p.IsDefined(typeof(JsonPropertyNameAttribute))))
                .Where(t => !WireTypes.All.Contains(t))
                .Select(t => t.FullName)
                .ToList();

            Assert.True(outside.Count == 0, "Name JSON fields but are not reached from NomosJsonContext: " + string.Join(", ", outside));
        }
    }
}
