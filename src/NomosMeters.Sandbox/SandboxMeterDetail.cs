using System;

namespace NomosMeters.Sandbox
{
    /// <summary>
    /// The details of a seeded meter, as tests read them to compute expectations: the meter's own record is its
    /// enrollment's (<see cref="Enrollment"/>), the blocks are the API's JSON objects (<c>customer</c>, <c>site</c>, ...).
    /// </summary>
    public sealed class SandboxMeterDetail
    {
        internal SandboxMeterDetail(SandboxMeterEnrollment enrollment, SandboxObject customer)
        {
            Enrollment = enrollment;
            Customer = customer;
        }

        public Guid MeterId => Enrollment.MeterId;

        /// <summary>Gets the meter's enrollment: the identifiers, tags and timestamps the details share with it.</summary>
        public SandboxMeterEnrollment Enrollment { get; }

        public SandboxObject Customer { get; }

        public SandboxObject? Device { get; internal set; }

        public SandboxObject? Site { get; internal set; }

        public SandboxObject? Caiso { get; internal set; }

        public SandboxObject? Isone { get; internal set; }

        public SandboxObject? Nyiso { get; internal set; }

        public SandboxObject? Utility { get; internal set; }
    }
}
