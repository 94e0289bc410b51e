namespace NomosMeters.Tests.TestBeds
{
    /// <summary>What a test bed's server accepts: the Nomos client credentials and the enrollment API key.</summary>
    public sealed record ServerCredentials(string ClientId, string ClientSecret, string EnrollmentApiKey);
}
