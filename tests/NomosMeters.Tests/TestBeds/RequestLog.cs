using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Tests.TestBeds
{
    /// <summary>
    /// Every request a test bed's server was sent, in arrival order. Kept where requests meet the server: in front of
    /// MockHttp or the in-process sandbox, or by the loopback server itself, so retries show as the wire saw them.
    /// </summary>
    public sealed class RequestLog
    {
        private readonly object _gate = new object();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();

        public IReadOnlyList<RecordedRequest> All
        {
            get
            {
                lock (_gate)
                {
                    return _requests.ToArray();
                }
            }
        }

        /// <summary>Gets the requests to either API: all but the token endpoint's.</summary>
        public List<RecordedRequest> Api => All.Where(r => !r.IsToken).ToList();

        public List<RecordedRequest> Token => All.Where(r => r.IsToken).ToList();

        public List<RecordedRequest> Enrollment => All.Where(r => r.IsEnrollment).ToList();

        /// <summary>Gets how many API requests were answered with <paramref name="status"/>.</summary>
        public int Count(int status) => Api.Count(r => r.Status == status);

        internal void Add(RecordedRequest request)
        {
            lock (_gate)
            {
                _requests.Add(request);
            }
        }
    }
}
