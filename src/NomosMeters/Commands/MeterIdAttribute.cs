using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Turns what is given for a meter id (a GUID, its text, a line of a file) into GUIDs at binding time, and names the
    /// value that is not one. Without it, a line that is not a GUID in <c>Get-Content ids.txt | Get-MeterEnrollment</c>
    /// gets PowerShell's generic conversion error, which does not say which line was wrong. A failed value from the
    /// pipeline is a non-terminating error for that value; the others go on.
    /// </summary>
    internal sealed class MeterIdAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = PowerShellValues.BaseOf(inputData);
            if (value is string || value is Guid)
            {
                return new[] { ToGuid(value) };
            }

            if (!(value is IEnumerable many))
            {
                // Anything else (a meter object, a CSV row) is left to PowerShell: it binds such input by its MeterId.
                return inputData;
            }

            var ids = new List<Guid>();
            foreach (var item in many)
            {
                var element = PowerShellValues.BaseOf(item);
                if (!(element is string || element is Guid))
                {
                    return inputData;
                }

                ids.Add(ToGuid(element));
            }

            return ids.ToArray();
        }

        private static Guid ToGuid(object value)
            => value is Guid guid ? guid
                : Guid.TryParse(((string)value).Trim(), out var parsed) ? parsed
                : throw new ArgumentTransformationMetadataException(
                    $"'{value}' is not a meter id: meter ids are GUIDs such as 1577c613-7e67-45cd-a8a7-3bc1a22b0b2e.");
    }
}
