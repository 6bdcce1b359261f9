// Package ca reads the Consolidated Canadian Autonomous Sanctions List,
// the people, entities and ships listed under Canada's Special Economic
// Measures Act (SEMA) and the Justice for Victims of Corrupt Foreign
// Officials Act, published by Global Affairs Canada.
//
// # The file
//
// Canada publishes the list as one XML file, sema-lmes.xml. Its document
// element, <data-set>, holds one <record> per listing, with child elements
// only (no attributes), indented with tabs:
//
//	<record>
//		<Country>Belarus / Bélarus</Country>
//		<LastName>Lukashenko</LastName>
//		<GivenName>Aleksandr Grigoryevich</GivenName>
//		<DateOfBirthOrShipBuildDate>1954-08-30</DateOfBirthOrShipBuildDate>
//		<Schedule>1, Part 1</Schedule>
//		<Item>8</Item>
//		<DateOfListing>2020-09-28</DateOfListing>
//	</record>
//
// The file has no date of its own and no record ID. Empty elements are
// left out. Values are typed by hand and carry the marks of it: names
// wrapped over several lines (sometimes at a hyphen, "Almaz-\nAntey"),
// trailing spaces, no-break and narrow no-break spaces, and free-text
// alias lists with no fixed separator.
//
// # Mapping
//
//   - ID: records have none, so the ID is built from the regulation, the
//     schedule and the item: "ca-" + slug of the English part of Country +
//     "-" + slug of Schedule + "-" + Item, e.g. "ca-belarus-1-part-1-8"
//     (Belarus regulations, schedule 1, part 1, item 8). Records of
//     regulations without schedules (Venezuela, Zimbabwe, JVCFOR, ...)
//     leave out the schedule part: "ca-zimbabwe-174". The slug is lower
//     case, accents removed, runs of other characters than a-z and 0-9 one
//     "-". In the May 2025 file the 4,759 IDs are unique; a duplicate fails
//     the parse with ErrMalformed.
//   - Country is the regulation or theme the listing is under ("Russia /
//     Russie", "Hamas Terrorist Attacks / Attaques terroristes du Hamas"),
//     not a nationality: it becomes the programme, as written.
//   - A record with LastName or GivenName is a Person: the primary name
//     is "GivenName LastName" with First and Last set. A bracketed
//     variant in a name part ("DIKIY (DIKY)", "Adanov (Adnuf)") is another
//     spelling: the primary name uses the part before the brackets, and the
//     name with the variant is an alias. TitleOrShip ("Major
//     General/major-général", "Dr.") is the title property.
//   - A record with EntityOrShip is an Organization, or a Vessel when it
//     has a ShipIMONumber or a TitleOrShip (for ships TitleOrShip is the
//     ship type, "Oil Tanker"; in the list every such record also has an
//     IMO number). ShipIMONumber is an imoNumber identifier and TitleOrShip
//     the vesselType property.
//   - EntityOrShip sometimes holds aliases too: "Dux JSC (also known as
//     Duks)", with the bracket now and then never closed; the part before
//     "(also known as" is the primary name and the rest is split like
//     Aliases. Iranian and Syrian entities are named in English and
//     French, "Iranian Army/Armée iranienne": when a name has exactly one
//     slash outside brackets with two words or more on each side, the
//     English half is the primary name (Lang "en") and the French half an
//     alias (Lang "fr").
//   - DateOfBirthOrShipBuildDate is a birth date (people) or build date
//     (ships): an ISO date or prefix ("1965-04-29", "1972", "1972-08"),
//     alternatives joined by "or" ("1963 or 1964"), a year range
//     ("1963-1964") or a phrase ("born in the early 1970s", read as the
//     approximate range 1970..1973). A value that cannot be read ("Sep-99"
//     in the May 2025 file) is a warning and stays in the raw record only.
//   - DateOfListing is the listing date; the newest one is the list's
//     publication date (PublishedFrom "newest-listing-date").
//
// # Aliases
//
// Aliases is free text. Names in it are separated by semicolons, commas,
// " or ", " and ", slashes and language labels ("Belarusian: ...,
// Russian: ..."), and the same characters also occur inside names
// ("Рембаза, АО", "Research and Design Institute", "Aleksander/ Aleksandr
// or Alexander /Alexandr Vladimirovich Karnienko"). The text is cut at
// semicolons and labels, which never occur inside a name; a label gives
// the names after it their language (Lang "ru", "be", "ar", ...) and
// Script (from their letters: "Cyrl", "Arab"). The rest is cut at commas,
// " or ", " and " (" et " in French), and at a slash with a space on at
// least one side, outside brackets and quotes, only where that is safe:
//
//   - a comma before a bare legal form ("Рембаза, АО") or after one that
//     starts a name ("ОАО, БЭТО") is part of the name, and so is a
//     separator before a lower-case word ("...государств,
//     соотечественников", "Цивилев, or Цивилёв");
//   - in a person's aliases, a comma between a one-word part and a longer
//     one ("Sergei, Serhii SHERBAKOV", "Баранов, Олег Анатольевич"), and
//     "or" or a slash next to a one-word part ("Katsiaryna or Katerina
//     Smuschkovich") or between spellings of one word ("Evgenyevich or
//     Evgenievich"), list variants of a name part, not names;
//   - "and" separates names only when both sides are in a non-Latin script
//     or have two words or more and share one ("Defense Industries
//     Corporation and Defense Industry System"), since it is part of many
//     names ("Main Directorate for Combating Organized Crime and
//     Corruption").
//
// A part that cannot be split safely stays one alias, as written. A
// person's one-word alias ("Hemedti", "Alexei") is a weak alias; all
// other aliases are strong. Known imperfection: a comma inside an English
// name cannot be told from a list ("Russian Air, Space Forces" gives two
// aliases).
//
// # Not mapped
//
// Nothing is dropped on purpose: Schedule and Item are mapped into the ID.
// An element or attribute the package does not know is a warning (the raw
// record keeps it), and so is a repeated element (its values are joined
// with "; ").
package ca
