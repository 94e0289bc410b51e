namespace NomosMeters.Sandbox.Nomos
{
    /// <summary>One <c>errors[]</c> entry of the error envelope (curie onward): what is wrong with which field.</summary>
    internal readonly struct FieldError
    {
        public FieldError(string code, string field, string message)
        {
            Code = code;
            Field = field;
            Message = message;
        }

        /// <summary>Gets a code from the spec's enum, e.g. <c>invalid_type</c> or <c>duplicate_meter_order</c>.</summary>
        public string Code { get; }

        /// <summary>Gets the dot path of the field at fault; empty for a top-level issue.</summary>
        public string Field { get; }

        public string Message { get; }
    }
}
