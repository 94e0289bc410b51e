using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using NomosMeters.Client.Json;

namespace NomosMeters.Tests.Conventions
{
    /// <summary>
    /// The classes the module reads from and writes to API JSON: every type the module's one serializer context
    /// is declared for, and every class of the module those types hold, through properties, lists and nullables, or derive from.
    /// </summary>
    internal static class WireTypes
    {
        private static readonly Assembly Module = typeof(NomosConnection).Assembly;

        public static IReadOnlyCollection<Type> All { get; } = Find();

        /// <summary>The properties System.Text.Json reads and writes: public ones, and non-public ones with [JsonInclude], unless [JsonIgnore].</summary>
        public static IEnumerable<PropertyInfo> SerializedProperties(Type type)
            => type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Where(p => p.GetAccessors(nonPublic: false).Length > 0 || p.IsDefined(typeof(JsonIncludeAttribute)))
                .Where(p => !p.IsDefined(typeof(JsonIgnoreAttribute)));

        private static IReadOnlyCollection<Type> Find()
        {
            var roots = typeof(NomosJsonContext).GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
                .Select(a => (Type)a.ConstructorArguments[0].Value!);
            var found = new HashSet<Type>();
            var pending = new Queue<Type>(roots.SelectMany(Classes));
            while (pending.Count > 0)
            {
                var type = pending.Dequeue();
                if (!found.Add(type))
                {
                    continue;
                }

                foreach (var held in SerializedProperties(type).SelectMany(p => Classes(p.PropertyType)))
                {
                    pending.Enqueue(held);
                }

                // A base class's fields are on the wire too (MeterRecord's, for enrollments and details).
                if (type.BaseType != null && type.BaseType.Assembly == Module)
                {
                    pending.Enqueue(type.BaseType);
                }
            }

            return found;
        }

        // The module's own classes in a property's type: the type itself, or what a list, array or nullable holds.
        private static IEnumerable<Type> Classes(Type type)
        {
            if (type.IsArray)
            {
                return Classes(type.GetElementType()!);
            }

            var inner = type.IsGenericType ? type.GetGenericArguments().SelectMany(Classes) : Enumerable.Empty<Type>();
            var collection = typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string);
            return type.Assembly == Module && type.IsClass && !collection ? inner.Prepend(type) : inner;
        }
    }
}
