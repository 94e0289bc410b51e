using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// A validated <c>MeterFilterRequest</c>, the body of both meter searches (enrollments and details), with the spec's
    /// limits: unknown fields, wrong types, empty or oversized arrays, duplicate items, bad enum values and bad patterns
    /// are refused, as a strict server would.
    /// </summary>
    internal sealed class MeterSearchRequest
    {
        public const int MaxPageSize = 500;

        private static readonly Regex ReferencePattern = new Regex(@"^[^\/\\?\]\[{}!#$%^&*()<>|]{3,256}$", RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, string[]> Enums = new Dictionary<string, string[]>
        {
            ["transmission_region"] = new[] { "CAISO", "ERCOT", "NYISO", "ISONE", "PJM", "SERC", "WECC_SW", "WECC_PC" },
            ["customer_classification"] = new[] { "RESIDENTIAL", "COMMERCIAL" },
            ["global_enrollment_statuses"] = new[] { "ACTIVE", "ELIGIBLE", "INELIGIBLE", "NOT_PARTICIPATING", "PENDING" },
            ["meter_types"] = new[] { "UTILITY_METER", "SUBMETER", "DEVICE" },
            ["load_types"] = new[] { "HVAC", "EV_CHARGING", "BATTERY_STORAGE", "COLD_STORAGE", "PUMPING", "WATER_HEATING", "BUILDING_AUTOMATION", "GENERATION", "MANUFACTURING", "LIGHTING", "OTHER" },
            ["action_type"] = new[] { "IS_AUTHORIZED", "DOCUMENTS_SIGNED", "HAS_AMI", "NOT_ENROLLED_IN_CONFLICTING_PROGRAM", "PARTICIPATING", "HAS_MARKET_REGISTRATION", "NO_MISSING_FIELDS", "GENERATOR", "ADDRESS", "HAS_NOMINATIONS", "HAS_BIDDING_STRATEGY", "IS_ELIGIBLE", "IS_ASSIGNED_TO_A_RESOURCE", "MEETS_EXTRA_PROGRAM_REQUIREMENTS" },
        };

        // Array fields with their (minItems, maxItems) from the spec.
        private static readonly Dictionary<string, (int Min, int Max)> ArrayLimits = new Dictionary<string, (int, int)>
        {
            ["meter_ids"] = (0, 1000),
            ["partner_references"] = (1, 1000),
            ["global_enrollment_statuses"] = (1, 5),
            ["meter_types"] = (1, 20),
            ["load_types"] = (1, 20),
            ["customer_groups"] = (1, 20),
            ["tags"] = (1, 20),
            ["connection_reference_ids"] = (1, 100),
            ["action_type"] = (1, 20),
        };

        private static readonly HashSet<string> Scalars = new HashSet<string>
        {
            "page_token", "page_size", "transmission_region", "customer_classification", "last_modified_date_time",
            "created_after_date_time", "created_before_date_time", "partner_action_required", "exclude_archived",
        };

        private readonly Dictionary<string, string> _scalars = new Dictionary<string, string>();
        private readonly Dictionary<string, HashSet<string>> _arrays = new Dictionary<string, HashSet<string>>();

        public string? PageToken { get; private set; }

        public int PageSize { get; private set; } = MaxPageSize;

        /// <summary>Gets every filter in a canonical form (no paging fields), to bind page tokens to it.</summary>
        public string CanonicalFilter { get; private set; } = string.Empty;

        /// <summary>Parses and validates; returns null and a (field, message) pair when the body is refused.</summary>
        public static MeterSearchRequest? Parse(string body, out KeyValuePair<string, string> problem)
        {
            problem = default;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            }
            catch (JsonException ex)
            {
                problem = new KeyValuePair<string, string>("body", "Malformed JSON: " + ex.Message);
                return null;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problem = new KeyValuePair<string, string>("body", "The body must be a JSON object.");
                    return null;
                }

                var request = new MeterSearchRequest();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var error = request.Read(property);
                    if (error != null)
                    {
                        problem = new KeyValuePair<string, string>(property.Name, error);
                        return null;
                    }
                }

                if (request.Date("created_after_date_time") is DateTimeOffset after && request.Date("created_before_date_time") is DateTimeOffset before && after >= before)
                {
                    problem = new KeyValuePair<string, string>("created_after_date_time", "must be before created_before_date_time");
                    return null;
                }

                request.CanonicalFilter = string.Join(
                    "&",
                    request._scalars.Where(p => p.Key != "page_token" && p.Key != "page_size").Select(p => p.Key + "=" + p.Value)
                        .Concat(request._arrays.Select(p => p.Key + "=" + string.Join(",", p.Value.OrderBy(v => v, StringComparer.Ordinal))))
                        .OrderBy(s => s, StringComparer.Ordinal));
                return request;
            }
        }

        public bool Matches(SandboxMeterEnrollment meter)
        {
            return Is("transmission_region", meter.TransmissionRegion)
                && Is("customer_classification", meter.CustomerClassification)
                && In("meter_ids", meter.MeterId.ToString("D"))
                && In("partner_references", meter.PartnerReference)
                && In("global_enrollment_statuses", meter.GlobalEnrollmentStatus)
                && In("meter_types", meter.MeterType)
                && Overlaps("load_types", meter.LoadTypes)
                && In("customer_groups", meter.CustomerGroup)
                && Overlaps("tags", meter.Tags)
                && Overlaps("connection_reference_ids", meter.ConnectionReferences)
                && Overlaps("action_type", meter.PartnerActions.Concat(meter.LeapActions).Select(a => a.ActionType))
                && (!(Date("last_modified_date_time") is DateTimeOffset modified) || meter.UpdatedAt > modified)
                && (!(Date("created_after_date_time") is DateTimeOffset after) || meter.CreatedAt > after)
                && (!(Date("created_before_date_time") is DateTimeOffset before) || meter.CreatedAt < before)
                && (!Flag("partner_action_required") || meter.PartnerActions.Count > 0)
                && (!Flag("exclude_archived") || !meter.IsArchived);
        }

        private string? Read(JsonProperty property)
        {
            var name = property.Name;
            var value = property.Value;
            if (ArrayLimits.TryGetValue(name, out var limits))
            {
                return ReadArray(name, value, limits);
            }

            if (!Scalars.Contains(name))
            {
                return $"Unknown field '{name}'.";
            }

            switch (name)
            {
                case "page_token":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        return "must be a string";
                    }

                    PageToken = value.GetString();
                    _scalars[name] = PageToken!;
                    return null;
                case "page_size":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var size))
                    {
                        return "must be an integer";
                    }

                    if (size < 1 || size > MaxPageSize)
                    {
                        return $"must be between 1 and {MaxPageSize}";
                    }

                    PageSize = size;
                    _scalars[name] = size.ToString(CultureInfo.InvariantCulture);
                    return null;
                case "partner_action_required":
                case "exclude_archived":
                    if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
                    {
                        return "must be a boolean";
                    }

                    _scalars[name] = value.GetBoolean() ? "true" : "false";
                    return null;
                case "last_modified_date_time":
                case "created_after_date_time":
                case "created_before_date_time":
                    if (value.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                    {
                        return "must be an RFC 3339 date-time";
                    }

                    _scalars[name] = date.UtcTicks.ToString(CultureInfo.InvariantCulture);
                    return null;
                default:
                    if (value.ValueKind != JsonValueKind.String || !Enums[name].Contains(value.GetString()))
                    {
                        return $"must be one of {string.Join(", ", Enums[name])}";
                    }

                    _scalars[name] = value.GetString()!;
                    return null;
            }
        }

        private string? ReadArray(string name, JsonElement value, (int Min, int Max) limits)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return "must be an array";
            }

            var items = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return "items must be strings";
                }

                var text = item.GetString()!;
                var problem = ValidateItem(name, text);
                if (problem != null)
                {
                    return problem;
                }

                if (!items.Add(name == "meter_ids" ? Guid.Parse(text).ToString("D") : text))
                {
                    return $"items must be unique ('{text}' repeats)";
                }
            }

            if (items.Count < limits.Min || items.Count > limits.Max)
            {
                return items.Count == 0 ? "must not be empty" : $"must have at most {limits.Max} items";
            }

            if (items.Count > 0)
            {
                _arrays[name] = items;
            }

            return null;
        }

        private static string? ValidateItem(string name, string text)
        {
            switch (name)
            {
                case "meter_ids":
                    return Guid.TryParseExact(text, "D", out _) ? null : $"'{text}' is not a UUID";
                case "partner_references":
                case "connection_reference_ids":
                    return ReferencePattern.IsMatch(text) ? null : $"'{text}' does not match the PartnerReference pattern";
                case "customer_groups":
                case "tags":
                    return text.Length == 0 ? "items must not be empty" : null;
                default:
                    return Enums[name].Contains(text) ? null : $"'{text}' is not one of {string.Join(", ", Enums[name])}";
            }
        }

        private bool Is(string name, string? value) => !_scalars.TryGetValue(name, out var wanted) || wanted == value;

        private bool In(string name, string? value) => !_arrays.TryGetValue(name, out var set) || (value != null && set.Contains(value));

        private bool Overlaps(string name, IEnumerable<string> values) => !_arrays.TryGetValue(name, out var set) || values.Any(set.Contains);

        private bool Flag(string name) => _scalars.TryGetValue(name, out var value) && value == "true";

        private DateTimeOffset? Date(string name)
            => _scalars.TryGetValue(name, out var ticks) ? new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero) : (DateTimeOffset?)null;
    }
}
