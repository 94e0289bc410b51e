using System;
using System.Collections.Generic;
using System.Linq;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// Builds the deterministic meter inventory: regions with their real programs, delivery periods with
    /// deadlines, participation history, and partner/Leap actions shaped like the spec's examples. Timestamps are
    /// relative to the anchor (delivery periods to its month) and no draw depends on it, so the ids never change.
    /// </summary>
    internal static class EnrollmentSeed
    {
        private static readonly Dictionary<string, string[]> ProgramsByRegion = new Dictionary<string, string[]>
        {
            ["CAISO"] = new[] { "CAISO-CCA-SC_ONLY", "CCA", "DRAM", "ELRP", "PGE-CBP", "PGE-ART", "CEC-DSGS", "CEC-DSGS-OPTION4", "CEC-DSGS-OPTION2", "CAISO-ELRP-A4" },
            ["NYISO"] = new[] { "NYISO-SCR", "CONED-CSRP", "CONED-DLRP", "PSEGLI-CSRP", "PSEGLI-DLRP" },
            ["ERCOT"] = new[] { "ERCOT-ERS", "ONCOR-CLM", "NRG-REALTIME", "NRG-RED", "ENERGY-ONLY" },
            ["ISONE"] = new[] { "EVERSOURCE-CS", "MA_DOER-CPS", "NATGRID-CS", "RIE-CS", "UNITIL-CS", "CT_GB-ESS", "ENERGYHUB-CS" },
            ["PJM"] = new[] { "PJM-CAPACITY" },
            ["SERC"] = new[] { "TVA-RPO" },
            ["WECC_SW"] = new[] { "SRP-RPO" },
            ["WECC_PC"] = new[] { "PSE-RPO" },
        };

        private static readonly string[] Regions = { "CAISO", "CAISO", "CAISO", "NYISO", "NYISO", "ERCOT", "ERCOT", "ISONE", "PJM", "SERC", "WECC_SW", "WECC_PC" };
        private static readonly string[] Statuses = { "ACTIVE", "ACTIVE", "ACTIVE", "ELIGIBLE", "ELIGIBLE", "INELIGIBLE", "NOT_PARTICIPATING", "PENDING" };
        private static readonly string[] MeterTypes = { "UTILITY_METER", "UTILITY_METER", "UTILITY_METER", "SUBMETER", "DEVICE" };
        private static readonly string[] LoadTypes = { "HVAC", "EV_CHARGING", "BATTERY_STORAGE", "COLD_STORAGE", "PUMPING", "WATER_HEATING", "BUILDING_AUTOMATION", "GENERATION", "MANUFACTURING", "LIGHTING", "OTHER" };
        private static readonly string[] Groups = { "", "", "Residential-West", "Commercial-East", "Pilot_2025", "Fleet" };
        private static readonly string[] TagPool = { "pilot", "priority", "vip", "solar", "multi-site", "needs-review", "2025-cohort" };
        private static readonly string[] CreatedBy = { "PARTNER", "PARTNER", "PARTNER", "LEAP", "UTILITY" };
        private static readonly string[] Months = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };

        private static readonly (string Type, string Code, string Description)[] PartnerActions =
        {
            ("IS_AUTHORIZED", "AUTH_0001", "End customer must re-authorize meter before the enrollment deadline."),
            ("NO_MISSING_FIELDS", "SERV_0005", "Partner needs configuration for fields: Voltage Group, CBL Method, Load Zone."),
            ("DOCUMENTS_SIGNED", "SERV_0002", "Program documents must be signed by the customer."),
            ("HAS_AMI", "SERV_0003", "Meter must have an interval (AMI) meter installed."),
            ("ADDRESS", "SERV_0004", "Service address is incomplete."),
            ("NOT_ENROLLED_IN_CONFLICTING_PROGRAM", "SERV_0006", "Meter is enrolled in a conflicting program."),
        };

        private static readonly (string Type, string Code, string Description)[] LeapActions =
        {
            ("HAS_NOMINATIONS", "LEAP_0001", "This meter does not have nominations set"),
            ("IS_ASSIGNED_TO_A_RESOURCE", "LEAP_0001", "This meter is not enrolled in the program"),
            ("HAS_MARKET_REGISTRATION", "LEAP_0002", "Market registration is pending."),
        };

        public static List<SandboxMeterEnrollment> Create(int seed, int count, DateTimeOffset anchor)
        {
            var random = new SeededRandom(seed ^ 0x5EED);
            var meters = new List<SandboxMeterEnrollment>(count);
            for (var i = 0; i < count; i++)
            {
                meters.Add(CreateMeter(random, i, anchor));
            }

            return meters;
        }

        private static SandboxMeterEnrollment CreateMeter(SeededRandom random, int index, DateTimeOffset anchor)
        {
            var region = random.Pick(Regions);
            // Distinct creation times (one per ~2.5 hours over about two years) keep the order total.
            var created = anchor.AddMinutes(-(index * 150 + random.Next(120)) - 60);
            var updated = Updated(anchor, created.AddMinutes(random.Next((int)Math.Max(1, (anchor - created).TotalMinutes))));
            var status = random.Pick(Statuses);
            var meter = new SandboxMeterEnrollment
            {
                MeterId = random.NextGuid(),
                PartnerReference = random.Chance(0.9) ? $"site-{index:D5}" : null,
                TransmissionRegion = region,
                CustomerClassification = random.Chance(0.95) ? (random.Chance(0.7) ? "RESIDENTIAL" : "COMMERCIAL") : null,
                LoadTypes = Distinct(random, LoadTypes, 1 + random.Next(3)),
                MeterType = random.Chance(0.97) ? random.Pick(MeterTypes) : null,
                ConnectionReferences = random.Chance(0.6) ? Enumerable.Range(0, 1 + random.Next(2)).Select(n => $"conn-{index:D5}-{n}").ToArray() : Array.Empty<string>(),
                CustomerGroup = random.Pick(Groups),
                Tags = random.Chance(0.4) ? Distinct(random, TagPool, 1 + random.Next(2)) : Array.Empty<string>(),
                IsArchived = random.Chance(0.08),
                CreatedBy = random.Pick(CreatedBy),
                CreatedAt = created,
                UpdatedAt = updated,
                GlobalEnrollmentStatus = status,
            };
            meter.ParticipationPreferences = Preferences(random, created);
            meter.ProgramEnrollments = Programs(random, region, status, anchor);
            meter.PartnerActions = Actions(random, meter.ProgramEnrollments, PartnerActions, status == "ELIGIBLE" || status == "PENDING" ? 0.7 : 0.15);
            meter.LeapActions = Actions(random, meter.ProgramEnrollments, LeapActions, 0.2);
            return meter;
        }

        private static string[] Distinct(SeededRandom random, string[] pool, int count)
        {
            var chosen = new List<string>();
            while (chosen.Count < count)
            {
                var pick = random.Pick(pool);
                if (!chosen.Contains(pick))
                {
                    chosen.Add(pick);
                }
            }

            return chosen.ToArray();
        }

        private static SandboxParticipation[] Preferences(SeededRandom random, DateTimeOffset created)
        {
            var start = new DateTimeOffset(created.Year, created.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            if (!random.Chance(0.3))
            {
                return new[]
                {
                    new SandboxParticipation { Preference = "PARTICIPATE", StartTime = start, EndTimeText = random.Chance(0.5) ? "9000-12-31T23:59:59.999999999Z" : "9000-01-01T00:00:00Z" },
                };
            }

            var idleStart = start.AddMonths(2 + random.Next(6));
            var idle = random.Chance(0.7);
            return new[]
            {
                new SandboxParticipation { Preference = "PARTICIPATE", StartTime = start, EndTimeText = Iso(idleStart) },
                new SandboxParticipation
                {
                    Preference = idle ? "IDLE" : "DISENROLL",
                    StartTime = idleStart,
                    EndTimeText = idle ? Iso(idleStart.AddMonths(1 + random.Next(3))) : "2099-01-01T00:00:00Z",
                    Reason = idle ? "Idle Time" : "Disenrollment",
                },
            };
        }

        // Updates of the last day crowd towards the anchor, so "changed since yesterday" finds meters at any hour of its
        // day; in whole microseconds, as the API writes them.
        private static DateTimeOffset Updated(DateTimeOffset anchor, DateTimeOffset updated)
        {
            var before = (anchor - updated).Ticks;
            if (before >= TimeSpan.TicksPerDay)
            {
                return updated;
            }

            var closer = (long)Timeline.Closer(before, TimeSpan.TicksPerDay);
            return anchor.AddTicks(-Math.Max(10, closer - (closer % 10)));
        }

        private static SandboxProgramEnrollment[] Programs(SeededRandom random, string region, string globalStatus, DateTimeOffset anchor)
        {
            var programs = ProgramsByRegion[region];
            var count = 1 + random.Next(Math.Min(3, programs.Length));
            var result = new List<SandboxProgramEnrollment>();
            var anchorMonth = new DateTimeOffset(anchor.Year, anchor.Month, 1, 4, 0, 0, TimeSpan.Zero);
            foreach (var program in Distinct(random, programs, count))
            {
                var month = random.Next(12);
                var year = random.Next(2);

                // From 18 months before the anchor's month to 5 after it: periods past, running and to come, deadlines ahead.
                var start = anchorMonth.AddMonths((year * 12) + month - 18);
                var months = 3 + random.Next(4);
                var end = start.AddMonths(months).AddDays(-1);
                var deadline = start.AddDays(-14 - random.Next(30));
                var hasGroup = random.Chance(0.6);
                result.Add(new SandboxProgramEnrollment
                {
                    ProgramIdentifier = program,
                    DeliveryPeriod = $"{program}_{start.Year}_{Months[start.Month - 1]}_{Months[end.Month - 1]}",
                    DeliveryPeriodStart = start,
                    DeliveryPeriodEnd = end,
                    EnrollmentStatus = random.Chance(0.6) ? globalStatus : random.Pick(Statuses),
                    EnrollmentDeadline = deadline,
                    Activation = start,
                    MarketGroupId = hasGroup ? random.NextGuid() : (Guid?)null,
                    MarketGroupName = hasGroup ? $"GRP{1 + random.Next(40)}_{program.Replace("-", string.Empty)}" : null,
                });
            }

            return result.ToArray();
        }

        private static SandboxRequiredAction[] Actions(SeededRandom random, IReadOnlyList<SandboxProgramEnrollment> programs, (string Type, string Code, string Description)[] pool, double probability)
        {
            if (!random.Chance(probability))
            {
                return Array.Empty<SandboxRequiredAction>();
            }

            var program = programs[random.Next(programs.Count)];
            var action = random.Pick(pool);
            return new[]
            {
                new SandboxRequiredAction
                {
                    ProgramIdentifier = program.ProgramIdentifier,
                    DeliveryPeriod = program.DeliveryPeriod,
                    Deadline = program.EnrollmentDeadline,
                    ActionType = action.Type,
                    Code = action.Code,
                    Description = action.Description,
                },
            };
        }

        internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
