using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NomosMeters.RetryBridge;
using Xunit;

namespace NomosMeters.Tests.Isolation
{
    public sealed class RetryBridgeSurfaceTests
    {
        // NomosMeters.dll lives in the default load context and the bridge in the module's own: only types both
        // sides resolve the same way (the BCL's, the bridge's own) may cross. A Polly type here would be looked up
        // by NomosMeters.dll in the default context, where another module's Polly may sit.
        [Fact]
        public void RetryBridgeExposesOnlyBclTypesAndItsOwn()
        {
            var engine = typeof(RetryPipeline).Assembly;

            var foreign = engine.GetExportedTypes()
                .SelectMany(ExposedTypes)
                .SelectMany(Flatten)
                .Where(t => t.Assembly != engine && !(t.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal))
                .Select(t => t.FullName)
                .Distinct()
                .ToList();

            Assert.Empty(foreign);
        }

        private static IEnumerable<Type> ExposedTypes(Type type)
        {
            const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var types = new List<Type>(type.GetInterfaces());
            if (type.BaseType != null)
            {
                types.Add(type.BaseType);
            }

            foreach (var member in type.GetMembers(Public))
            {
                switch (member)
                {
                    case MethodBase method:
                        types.AddRange(method.GetParameters().Select(p => p.ParameterType));
                        if (method is MethodInfo info)
                        {
                            types.Add(info.ReturnType);
                        }

                        break;
                    case PropertyInfo property:
                        types.Add(property.PropertyType);
                        break;
                    case FieldInfo field:
                        types.Add(field.FieldType);
                        break;
                    case EventInfo e:
                        types.Add(e.EventHandlerType!);
                        break;
                }
            }

            return types;
        }

        private static IEnumerable<Type> Flatten(Type type)
        {
            if (type.IsGenericParameter)
            {
                yield break;
            }

            if (type.HasElementType)
            {
                foreach (var inner in Flatten(type.GetElementType()!))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }
}
