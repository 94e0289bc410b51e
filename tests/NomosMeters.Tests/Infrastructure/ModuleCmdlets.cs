using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace NomosMeters.Tests.Infrastructure
{
    /// <summary>The cmdlet classes of the module assembly, found as Import-Module finds them: public types with [Cmdlet].</summary>
    internal static class ModuleCmdlets
    {
        public static IReadOnlyList<ModuleCmdlet> All { get; } = typeof(NomosConnection).Assembly.GetExportedTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().SingleOrDefault()))
            .Where(c => c.Attribute != null)
            .Select(c => new ModuleCmdlet(c.Type, c.Attribute!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
    }

    internal sealed record ModuleCmdlet(Type Type, CmdletAttribute Attribute)
    {
        public string Name => Attribute.VerbName + "-" + Attribute.NounName;
    }
}
