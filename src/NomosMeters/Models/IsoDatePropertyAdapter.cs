using System;
using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace NomosMeters.Models
{
    /// <summary>
    /// How PowerShell sees the properties of the module's output objects (registered for each output type in
    /// NomosMeters.Types.ps1xml): the public properties in the order the class declares them (the id first, then
    /// the API's field order), so Export-Csv columns and Format-List read in that order. Date properties come
    /// through <see cref="IsoTimestamp"/>: still DateTimeOffset values, reported as such by Get-Member, whose plain
    /// ToString() is ISO 8601 in UTC; calendar dates (DateTime) likewise, as yyyy-MM-dd; decimals through
    /// <see cref="InvariantNumber"/>, whose plain ToString() is culture-free. One adapter for every type: a new date or
    /// number property needs no getter of its own.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class IsoDatePropertyAdapter : PSPropertyAdapter
    {
        private static readonly ConcurrentDictionary<Type, AdaptedType> Types = new ConcurrentDictionary<Type, AdaptedType>();

        /// <inheritdoc/>
        public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
        {
            var properties = new Collection<PSAdaptedProperty>();
            foreach (var property in TypeOf(baseObject).InOrder)
            {
                properties.Add(new PSAdaptedProperty(property.Name, property));
            }

            return properties;
        }

        /// <inheritdoc/>
        public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
        {
            // PowerShell matches property names without regard to case.
            return TypeOf(baseObject).ByName.TryGetValue(propertyName, out var property)
                ? new PSAdaptedProperty(property.Name, property)
                : null;
        }

        /// <inheritdoc/>
        public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

        /// <inheritdoc/>
        public override bool IsSettable(PSAdaptedProperty adaptedProperty) => Info(adaptedProperty).CanWrite;

        /// <inheritdoc/>
        public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty)
        {
            var info = Info(adaptedProperty);
            var value = info.GetValue(adaptedProperty.BaseObject);
            return value switch
            {
                DateTimeOffset date => IsoTimestamp.Wrap(date),
                DateTime day => IsoTimestamp.WrapDay(day),
                decimal number => InvariantNumber.Wrap(number),
                _ => value,
            };
        }

        /// <inheritdoc/>
        public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value)
        {
            var info = Info(adaptedProperty);
            info.SetValue(adaptedProperty.BaseObject, LanguagePrimitives.ConvertTo(value, info.PropertyType));
        }

        /// <inheritdoc/>
        public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty)
        {
            // Get-Member shows what a script can rely on: System.DateTimeOffset, not the wrapper's System.Object.
            var type = Info(adaptedProperty).PropertyType;
            return (Nullable.GetUnderlyingType(type) ?? type).FullName ?? type.Name;
        }

        private static PropertyInfo Info(PSAdaptedProperty adaptedProperty) => (PropertyInfo)adaptedProperty.Tag;

        private static AdaptedType TypeOf(object baseObject) => Types.GetOrAdd(baseObject.GetType(), type => new AdaptedType(type));

        private sealed class AdaptedType
        {
            public AdaptedType(Type type)
            {
                // Declaration order; a derived class's own properties after its base's.
                InOrder = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)
                    .OrderBy(property => Depth(property.DeclaringType!))
                    .ThenBy(property => property.MetadataToken)
                    .ToArray();
                ByName = InOrder.ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
            }

            public PropertyInfo[] InOrder { get; }

            public System.Collections.Generic.Dictionary<string, PropertyInfo> ByName { get; }

            private static int Depth(Type type)
            {
                var depth = 0;
                for (var t = type.BaseType; t != null; t = t.BaseType)
                {
                    depth++;
                }

                return depth;
            }
        }
    }
}
