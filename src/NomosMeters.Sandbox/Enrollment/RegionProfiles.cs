using System.Collections.Generic;

namespace NomosMeters.Sandbox.Enrollment
{
    /// <summary>
    /// Where the sandbox's meters are, per transmission region: real cities with their ZIP prefix, phone area code,
    /// utility and load zone, and the tariffs and account-number shapes of the region. Phone numbers use the 555-01xx
    /// range and e-mail addresses the example domains, which reach no one.
    /// </summary>
    internal static class RegionProfiles
    {
        public static readonly Dictionary<string, RegionProfile> ByRegion = new Dictionary<string, RegionProfile>
        {
            ["CAISO"] = new RegionProfile(
                new[]
                {
                    new Place("San Francisco", "CA", "941", "415", "PGE", "PGAE"),
                    new Place("Oakland", "CA", "946", "510", "PGE", "PGAE"),
                    new Place("San Jose", "CA", "951", "408", "PGE", "PGAE"),
                    new Place("Fresno", "CA", "937", "559", "PGE", "PGAE"),
                    new Place("Los Angeles", "CA", "900", "213", "LADWP", "SCE"),
                    new Place("Long Beach", "CA", "908", "562", "SCE", "SCE"),
                    new Place("Irvine", "CA", "926", "949", "SCE", "SCE"),
                    new Place("San Diego", "CA", "921", "619", "SDGE", "SDGE"),
                    new Place("Sacramento", "CA", "958", "916", "SMUD", "PGAE"),
                    new Place("Santa Clara", "CA", "950", "408", "SVP", "PGAE"),
                },
                new[] { "E-TOU-C", "E-TOU-D", "EV2-A", "TOU-D-PRIME", "TOU-D-4-9PM", "EV-TOU-5", "B-19", "TOU-GS-2" },
                new[] { "MCE", "CleanPowerSF", "San Diego Community Power", "Clean Power Alliance" },
                10),
            ["NYISO"] = new RegionProfile(
                new[]
                {
                    new Place("New York", "NY", "100", "212", "CECONY", "N.Y.C."),
                    new Place("Brooklyn", "NY", "112", "718", "CECONY", "N.Y.C."),
                    new Place("Yonkers", "NY", "107", "914", "CECONY", "DUNWOD"),
                    new Place("Hempstead", "NY", "115", "516", "PSEGLI", "LONGIL"),
                    new Place("Huntington", "NY", "117", "631", "PSEGLI", "LONGIL"),
                    new Place("Nyack", "NY", "109", "845", "ORU", "HUD VL"),
                    new Place("Albany", "NY", "122", "518", "NATGRID", "CAPITL"),
                },
                new[] { "EL1", "EL2", "SC1", "SC2", "SC9", "SC9-RATE-II" },
                new string[0],
                15),
            ["ERCOT"] = new RegionProfile(
                new[]
                {
                    new Place("Houston", "TX", "770", "713", "CENTERPOINT", "LZ_HOUSTON"),
                    new Place("Sugar Land", "TX", "774", "281", "CENTERPOINT", "LZ_HOUSTON"),
                    new Place("Dallas", "TX", "752", "214", "ONCOR", "LZ_NORTH"),
                    new Place("Fort Worth", "TX", "761", "817", "ONCOR", "LZ_NORTH"),
                    new Place("Corpus Christi", "TX", "784", "361", "AEP_CENTRAL", "LZ_SOUTH"),
                    new Place("Abilene", "TX", "796", "325", "AEP_NORTH", "LZ_WEST"),
                    new Place("Lubbock", "TX", "794", "806", "ONCOR", "LZ_WEST"),
                },
                new[] { "RESIDENTIAL-FIXED", "RESIDENTIAL-TOU", "FREE-NIGHTS", "SECONDARY-GT10KW" },
                new[] { "Reliant", "TXU Energy", "Green Mountain Energy", "Rhythm", "Octopus Energy" },
                17),
            ["ISONE"] = new RegionProfile(
                new[]
                {
                    new Place("Boston", "MA", "021", "617", "EVERSOURCE", ".Z.NEMASSBOST"),
                    new Place("Worcester", "MA", "016", "508", "NATGRID", ".Z.WCMASS"),
                    new Place("Springfield", "MA", "011", "413", "EVERSOURCE", ".Z.WCMASS"),
                    new Place("Providence", "RI", "029", "401", "RIE", ".Z.RHODEISLAND"),
                    new Place("Concord", "NH", "033", "603", "UNITIL", ".Z.NEWHAMPSHIRE"),
                    new Place("Hartford", "CT", "061", "860", "EVERSOURCE", ".Z.CONNECTICUT"),
                },
                new[] { "R-1", "R-2", "A-60", "G-1", "G-2", "B-TOU" },
                new[] { "Boston Community Choice Electricity", "Worcester Community Choice" },
                11),
            ["PJM"] = new RegionProfile(
                new[]
                {
                    new Place("Philadelphia", "PA", "191", "215", "PECO", "PECO"),
                    new Place("Allentown", "PA", "181", "610", "PPL", "PPL"),
                    new Place("Pittsburgh", "PA", "152", "412", "WESTPENN", "APS"),
                    new Place("Baltimore", "MD", "212", "410", "BGE", "BGE"),
                    new Place("Chicago", "IL", "606", "312", "COMED", "COMED"),
                    new Place("Newark", "NJ", "071", "973", "PSEG", "PSEG"),
                    new Place("Richmond", "VA", "232", "804", "DOMINION", "DOM"),
                    new Place("Washington", "DC", "200", "202", "PEPCO", "PEPCO"),
                },
                new[] { "RS", "R-TOU", "GS", "RH", "Schedule 1", "RESIDENTIAL-TOU" },
                new[] { "Constellation", "Direct Energy", "Inspire Clean Energy" },
                10),
            ["SERC"] = new RegionProfile(
                new[]
                {
                    new Place("Nashville", "TN", "372", "615", "NES", "TVA"),
                    new Place("Memphis", "TN", "381", "901", "MLGW", "TVA"),
                    new Place("Knoxville", "TN", "379", "865", "KUB", "TVA"),
                    new Place("Murfreesboro", "TN", "371", "615", "MTEMC", "TVA"),
                    new Place("Huntsville", "AL", "358", "256", "HSVU", "TVA"),
                },
                new[] { "RS", "RS-TOU", "GSA-1", "GSA-2" },
                new string[0],
                10),
            ["WECC_SW"] = new RegionProfile(
                new[]
                {
                    new Place("Phoenix", "AZ", "850", "602", "SRP", "SRP"),
                    new Place("Tempe", "AZ", "852", "480", "SRP", "SRP"),
                    new Place("Mesa", "AZ", "852", "480", "SRP", "SRP"),
                    new Place("Chandler", "AZ", "852", "480", "SRP", "SRP"),
                },
                new[] { "E-23", "E-26", "E-27", "E-29", "E-36" },
                new string[0],
                10),
            ["WECC_PC"] = new RegionProfile(
                new[]
                {
                    new Place("Bellevue", "WA", "980", "425", "PSE", "PSE"),
                    new Place("Olympia", "WA", "985", "360", "PSE", "PSE"),
                    new Place("Bellingham", "WA", "982", "360", "PSE", "PSE"),
                    new Place("Kent", "WA", "980", "253", "PSE", "PSE"),
                },
                new[] { "Schedule 7", "Schedule 24", "Schedule 307" },
                new string[0],
                10),
        };

        public static readonly string[] FirstNames = { "Maria", "James", "Aisha", "Wei", "Carlos", "Emily", "Daniel", "Priya", "Michael", "Sofia", "David", "Grace", "Luis", "Hannah", "Omar", "Olivia", "Ethan", "Mei", "Noah", "Fatima" };

        public static readonly string[] LastNames = { "Garcia", "Smith", "Nguyen", "Johnson", "Chen", "Williams", "Patel", "Brown", "Rodriguez", "Kim", "Miller", "Lopez", "Davis", "Okafor", "Martinez", "Wilson", "Anderson", "Cohen", "Murphy", "Singh" };

        public static readonly string[] Streets = { "Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "Main", "Highland", "Lincoln", "Sunset", "Ridge", "River", "Church", "Walnut", "Spring", "Meadow", "Franklin" };

        public static readonly string[] StreetKinds = { "Street", "Avenue", "Road", "Drive", "Lane", "Court", "Boulevard", "Way" };

        public static readonly string[] Companies = { "Acme Cold Storage", "Harbor Logistics", "Summit Dental Group", "Blue River Foods", "Northgate Offices", "Pioneer Plastics", "Valley Fitness", "Lakeside Hotels" };

        public static readonly string[] CompanySuffixes = { "Inc.", "LLC", "Corp.", "Co." };

        public static readonly string[] Titles = { "Mr.", "Ms.", "Mrs.", "Dr." };

        public static readonly string[] Offerings = { "Home Battery Rewards", "Smart Thermostat Savings", "EV Off-Peak Plan", "Business Demand Response", "Grid Saver" };

        public static readonly string[] EmailDomains = { "example.com", "example.net", "example.org" };
    }

    /// <summary>A city of a region: where its meters are, who serves them.</summary>
    internal sealed class Place
    {
        public Place(string city, string state, string zipPrefix, string areaCode, string utility, string loadZone)
        {
            City = city;
            State = state;
            ZipPrefix = zipPrefix;
            AreaCode = areaCode;
            Utility = utility;
            LoadZone = loadZone;
        }

        public string City { get; }

        public string State { get; }

        public string ZipPrefix { get; }

        public string AreaCode { get; }

        public string Utility { get; }

        public string LoadZone { get; }
    }

    /// <summary>The places, tariffs, retail providers (or community choice aggregators) and account-number length of a region.</summary>
    internal sealed class RegionProfile
    {
        public RegionProfile(Place[] places, string[] tariffs, string[] loadServingEntities, int accountDigits)
        {
            Places = places;
            Tariffs = tariffs;
            LoadServingEntities = loadServingEntities;
            AccountDigits = accountDigits;
        }

        public Place[] Places { get; }

        public string[] Tariffs { get; }

        /// <summary>Gets the choices other than the utility itself: retail providers in ERCOT, aggregators elsewhere.</summary>
        public string[] LoadServingEntities { get; }

        public int AccountDigits { get; }
    }
}
