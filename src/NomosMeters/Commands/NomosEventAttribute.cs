using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NomosMeters.Models;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Lets an event that is no longer a live <see cref="NomosEvent"/> bind to <c>-Event</c>: one that came back from a
    /// job, a remote session or Import-Clixml (its <c>MeterOrder</c> property), or the API's JSON read back with
    /// ConvertFrom-Json (its <c>context.meter_order</c>). Without it PowerShell binds such an object's <c>Id</c>, an
    /// event id, as a meter order id. Anything without a topic is left to PowerShell.
    /// </summary>
    internal sealed class NomosEventAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (inputData is PSObject single && !(single.BaseObject is IList))
            {
                return Rebuilt(single) ?? inputData;
            }

            if (!(PowerShellValues.Unwrap(inputData) is IList many))
            {
                return inputData;
            }

            var events = new List<NomosEvent>();
            foreach (var item in many)
            {
                var rebuilt = item as NomosEvent ?? (item is PSObject element ? Rebuilt(element) : null);
                if (rebuilt == null)
                {
                    return inputData;
                }

                events.Add(rebuilt);
            }

            return events.ToArray();
        }

        private static NomosEvent? Rebuilt(PSObject item)
        {
            if (item.BaseObject is NomosEvent live)
            {
                return live;
            }

            if (!(item.Properties["Topic"]?.Value is string topic) || string.IsNullOrWhiteSpace(topic))
            {
                return null;
            }

            var context = item.Properties["Context"]?.Value as PSObject;
            var entries = new List<KeyValuePair<string, object?>>();
            void Add(string name, object? value)
            {
                if (value != null && !string.IsNullOrEmpty(value.ToString()))
                {
                    entries.Add(new KeyValuePair<string, object?>(name, value.ToString()));
                }
            }

            Add("meter_order", item.Properties["MeterOrder"]?.Value ?? context?.Properties["meter_order"]?.Value);
            Add("subscription", item.Properties["Subscription"]?.Value ?? context?.Properties["subscription"]?.Value);
            var timestamp = item.Properties["Timestamp"]?.Value;
            return new NomosEvent
            {
                Id = item.Properties["Id"]?.Value?.ToString(),
                Topic = topic,
                Timestamp = timestamp is DateTimeOffset at ? at : timestamp is DateTime day ? new DateTimeOffset(day.ToUniversalTime()) : (DateTimeOffset?)null,
                Context = new EventContext(entries),
            };
        }
    }
}
