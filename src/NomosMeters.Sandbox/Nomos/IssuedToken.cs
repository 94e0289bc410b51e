namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>A token pair as <c>POST /oauth/token</c> returns it.</summary>
    internal sealed class IssuedToken
    {
        public IssuedToken(string accessToken, string refreshToken, int expiresIn)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            ExpiresIn = expiresIn;
        }

        public string AccessToken { get; }

        public string RefreshToken { get; }

        /// <summary>Gets the access token's lifetime in whole seconds (<c>expires_in</c>).</summary>
        public int ExpiresIn { get; }
    }
}
