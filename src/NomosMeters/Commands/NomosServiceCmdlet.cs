using System;
using System.Management.Automation;
using NomosMeters.Client.Paging;
using NomosMeters.Session;

namespace NomosMeters.Commands
{
    /// <summary>A cmdlet that calls an API: takes <c>-Connection</c>, else uses the session's current connection.</summary>
    public abstract partial class NomosServiceCmdlet : NomosCmdlet
    {
        /// <summary>
        /// Gets or sets the connection to use instead of the session's current one (from
        /// <c>Connect-Nomos -PassThru</c>), so that scripts sharing a process never switch each other's context.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public NomosConnection? Connection { get; set; }

        private const string ConnectNomos =
            "Run Connect-Nomos with -ClientId and -ClientSecret, -Credential or -AccessToken (or set NOMOS_CLIENT_ID and NOMOS_CLIENT_SECRET), or Connect-Nomos -Sandbox.";

        private const string ConnectEnrollment =
            "Run Connect-Nomos -EnrollmentApiKey <SecureString> (or set NOMOS_ENROLLMENT_API_KEY), with -EnrollmentEnvironment Staging for staging, or Connect-Nomos -Sandbox.";

        /// <summary>Returns the Nomos API of the connection, or stops with an error naming the parameters that connect it.</summary>
        internal NomosServiceConnection RequireNomos()
            => RequireConnection("the Nomos API", ConnectNomos).Nomos
               ?? Stop<NomosServiceConnection>("This connection has the enrollment API only, not the Nomos API.", ConnectNomos);

        /// <summary>Returns the enrollment API of the connection, or stops with an error naming the parameters that connect it.</summary>
        internal EnrollmentServiceConnection RequireEnrollment()
            => RequireConnection("the meter enrollment API", ConnectEnrollment).Enrollment
               ?? Stop<EnrollmentServiceConnection>("This connection has the Nomos API only, not the meter enrollment API.", ConnectEnrollment);

        // The connection to use: -Connection, else the current one; the error names the service the cmdlet needs.
        private NomosConnection RequireConnection(string service, string howToConnect)
        {
            var connection = Connection ?? NomosSession.Current;
            if (connection == null)
            {
                return Stop<NomosConnection>($"Not connected to {service}.", howToConnect + " Or pass a connection with -Connection.");
            }

            if (!connection.IsConnected)
            {
                return Stop<NomosConnection>($"This connection to {service} was closed by Disconnect-Nomos.", howToConnect + " Then use the new connection.");
            }

            return connection;
        }

        private T Stop<T>(string problem, string howToConnect)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected(problem, howToConnect));
            return default!;
        }

        /// <summary>
        /// Runs the request for one input item. Its failure is a non-terminating error for that item, so one bad id
        /// does not stop the others; a failure that would repeat for every item (credentials, permissions, payment:
        /// <see cref="ErrorRecords.StopsEveryItem"/>) ends the pipeline. The one rule for every cmdlet that takes items.
        /// <paramref name="outcome"/>, if given, adds to the error what became of the item (what the API cannot say).
        /// </summary>
        internal void ForItem(object? target, Action request, Action<ErrorRecord, ApiRequestException>? outcome = null)
        {
            try
            {
                request();
            }
            catch (ApiRequestException ex) when (!ErrorRecords.StopsEveryItem(ex))
            {
                WriteError(Described(ErrorRecords.From(ex, target), ex, outcome));
            }
            catch (ApiRequestException ex)
            {
                ThrowTerminatingError(Described(ErrorRecords.From(ex, target), ex, outcome));
            }
        }

        private static ErrorRecord Described(ErrorRecord record, ApiRequestException ex, Action<ErrorRecord, ApiRequestException>? outcome)
        {
            outcome?.Invoke(record, ex);
            return record;
        }

        /// <summary>
        /// For list cmdlets (SupportsPaging): writes the total count that <c>-IncludeTotalCount</c> asks for, which
        /// the APIs do not report, and returns the slice <c>-Skip</c> and <c>-First</c> ask for.
        /// </summary>
        internal PageRange RequestedRange()
        {
            if (PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }

            return new PageRange(PagingParameters.Skip, PagingParameters.First == ulong.MaxValue ? (ulong?)null : PagingParameters.First);
        }

        /// <summary>
        /// Whether ids were asked for but none came: <paramref name="parameter"/> was given (even as an empty list) or
        /// input was expected from the pipeline, and <paramref name="received"/> is 0. An empty file, <c>@()</c>, or input
        /// whose values did not bind then selects nothing; it never widens a search to everything. The one rule for
        /// every cmdlet that takes ids from the pipeline.
        /// </summary>
        internal bool AskedForIdsButGotNone(string parameter, int received)
        {
            if (received > 0 || !(MyInvocation.BoundParameters.ContainsKey(parameter) || MyInvocation.ExpectingInput))
            {
                return false;
            }

            WriteVerbose($"No -{parameter} came (from the parameter or the pipeline): nothing is searched, and nothing is written.");
            return true;
        }

        /// <summary>
        /// The trimmed id of one input item for <paramref name="parameter"/>; null, after a non-terminating error naming
        /// it, when it is empty or, by its prefix, another kind of id than <paramref name="expectedPrefix"/>. The error
        /// takes its place among the results of lookups still in flight.
        /// </summary>
        internal string? IdOfKind(string? id, string expectedPrefix, string parameter, string howToFindIds, string emptyErrorId = "NomosMeters.InvalidId")
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                var kind = NomosIdKind.NameOf(expectedPrefix);
                var article = NomosIdKind.Article(kind);
                var empty = ErrorRecords.InvalidArgument(
                    emptyErrorId,
                    $"{char.ToUpperInvariant(article[0])}{article.Substring(1)} {kind} id cannot be empty or whitespace.",
                    id,
                    $"Pass ids such as {expectedPrefix}mi4f0oda6x9m7gcsvjk0ole1, {howToFindIds}.");
                InItemOrder(() => WriteError(empty));
                return null;
            }

            var trimmed = id!.Trim();
            return IsKindOf(trimmed, expectedPrefix, parameter) ? trimmed : null;
        }

        /// <summary>
        /// Writes a non-terminating error (in its place among lookups in flight) and returns false when <paramref name="id"/>
        /// is, by its prefix, another kind of Nomos id than <paramref name="expectedPrefix"/> (see <see cref="NomosIdKind"/>).
        /// </summary>
        internal bool IsKindOf(string id, string expectedPrefix, string parameter)
        {
            var wrong = NomosIdKind.WrongKind(id, expectedPrefix);
            if (wrong == null)
            {
                return true;
            }

            var record = ErrorRecords.InvalidArgument(
                "NomosMeters.WrongIdKind",
                wrong,
                id,
                $"Pass {expectedPrefix}... ids to -{parameter}. An object from the pipeline binds by property name: check which id it carries.");
            InItemOrder(() => WriteError(record));
            return false;
        }

        /// <summary>The cursor in a -ResumeToken of this command and these filters (null when none was given); stops on a wrong one.</summary>
        internal string? ReadResumeToken(string? token, string filters)
        {
            if (token == null)
            {
                return null;
            }

            var cursor = ResumeTokenCodec.Read(token, MyInvocation.MyCommand.Name, filters, out var error);
            if (error != null)
            {
                ThrowTerminatingError(error);
            }

            return cursor;
        }
    }
}
