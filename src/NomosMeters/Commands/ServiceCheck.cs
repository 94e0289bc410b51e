using System;
using System.Management.Automation;
using NomosMeters.Client.Enrollments;
using NomosMeters.Client.Paging;

namespace NomosMeters.Commands
{
    /// <summary>
    /// Proves each service of a new connection works before Connect-Nomos makes it current, so wrong credentials fail
    /// where they were given rather than at the first cmdlet. One path for both services: a probe, and the message
    /// for a refused credential.
    /// </summary>
    internal static class ServiceCheck
    {
        public static void Verify(NomosConnection connection, NomosCmdlet cmdlet)
        {
            var nomos = connection.Nomos;
            if (nomos != null && connection.CanRenewToken)
            {
                // A token passed with -AccessToken is not checked: it is taken as given, like a static key.
                Check(
                    connection,
                    cmdlet,
                    nomos.Endpoint.BaseUri,
                    () => cmdlet.Await(nomos.Endpoint.Tokens.GetTokenAsync(cmdlet.Context)),
                    status => status == 400 || status == 401 || status == 403,
                    (baseUri, ex) => $"Connect-Nomos could not sign in to {baseUri} with client id '{connection.ClientId}': {ex.ApiMessage}",
                    "Check the client id and secret (Nomos dashboard, Developer section) and connect again.");
            }

            var enrollment = connection.Enrollment;
            if (enrollment != null)
            {
                // One smallest search proves the key works in this environment; keys are scoped per environment.
                Check(
                    connection,
                    cmdlet,
                    enrollment.Endpoint.BaseUri,
                    () => cmdlet.ForEach(enrollment.Enrollments.SearchAsync(new MeterFilterRequest { PageSize = 1 }, new PageRange(0, 1), cmdlet.Context), _ => { }),
                    status => status == 401 || status == 403,
                    (baseUri, ex) => $"Connect-Nomos could not use the enrollment API key at {baseUri} ({enrollment.Environment}): {ex.ApiMessage}",
                    "Check the key. Keys belong to one environment: a production key is refused by staging and the reverse; pick the matching -EnrollmentEnvironment.");
            }
        }

        private static void Check(
            NomosConnection connection,
            NomosCmdlet cmdlet,
            Uri baseUri,
            Action probe,
            Func<int, bool> refusesCredential,
            Func<string, ApiRequestException, string> refusedMessage,
            string refusedAdvice)
        {
            try
            {
                probe();
            }
            catch (ApiRequestException ex)
            {
                connection.Dispose();
                var record = ErrorRecords.From(ex, baseUri);
                if (refusesCredential(ex.StatusCode))
                {
                    record.ErrorDetails = new ErrorDetails(refusedMessage(baseUri.AbsoluteUri.TrimEnd('/'), ex)) { RecommendedAction = refusedAdvice };
                }

                cmdlet.ThrowTerminatingError(record);
            }
        }
    }
}
