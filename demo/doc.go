// Package demo holds veto's demo dataset: a handful of real, public
// sanctions designations per publisher, which `veto serve` screens against
// when its store is empty and no list can be downloaded (no internet). It
// is demo data, not a sanctions list: screening against it finds only the
// few parties below, and whoever runs on it must be told so.
//
// # What the files are
//
// The files under data/ were written by hand, one folder per publisher,
// each in that publisher's official file format and under its official
// file name, from public knowledge of the designations: the publishers'
// press releases and web pages, and the widely published facts about the
// people and organisations concerned (names, dates and places of birth,
// positions). No record or wording was copied from a real list file.
// Each record is shorter than the publisher's own: it keeps the names,
// programmes and facts its author was sure of and leaves the rest out (a
// shorter, correct record is worth more than an invented detail), so
// aliases, documents and addresses are few.
//
// Two kinds of numbers are not the publishers' own:
//
//   - Record numbers that only the publisher's database knows (OFAC
//     ent_num and the alt and address numbers, EU logicalId, UK Unique ID,
//     the Canadian schedule item, the DFAT reference, UN DATAID) are demo
//     numbers, chosen outside the ranges the publishers use (9900xx,
//     RUS9901, 99xx, 990xx ...), so that a demo record never takes the
//     veto ID of a real record of another party. The UN reference numbers
//     (QDi.006, TAi.002, ...), which the UN publishes with every
//     designation, are the real ones, and so are the EU's and UK's links
//     to them.
//   - Dates of publication: where a format carries one, the files say
//     2025-01-01, a round date that marks them as demo data rather than a
//     real edition (UN dateGenerated, EU generationDate, UK DateGenerated;
//     DFAT's workbook has no date of its own, so every row's Control Date
//     is 2025-01-01 and the parser takes the list's date from them). OFAC's
//     legacy CSV carries no date, and Canada's file has none of its own
//     either (the parser would take the newest DateOfListing, but the
//     records give none, their listing dates not being known for certain),
//     so those two results have a zero Published date.
//
// The files keep their formats' quirks, so that the real parsers read
// them as they read the real lists: OFAC's CSV files have CRLF line ends,
// "-0- " nulls, programmes joined as "IRGC] [NPWMD", a DOS end-of-file
// byte (0x1A), and one remark cut mid-word and continued in
// sdn_comments.csv (the .gitattributes file keeps git from touching their
// line ends). The Australian list is an XLSX workbook, binary, so its rows
// are kept as text in data/au/rows.csv (DFAT's twelve columns, one row per
// name) and [Results] writes them to regulation8_consolidated.xlsx before
// parsing it; a cell holding a date written 2006-01-02 becomes a
// date-typed cell, as DFAT types its dates. The US Consolidated Screening
// List is left out: it republishes OFAC's lists and would add nothing.
//
// # Designations
//
// OFAC, Specially Designated Nationals list (data/ofac, legacy CSV):
//
//	ofac-990001  LAVROV, Sergei Viktorovich               RUSSIA-EO14024
//	ofac-990002  PUTIN, Vladimir Vladimirovich            RUSSIA-EO14024
//	ofac-990003  AL-ASSAD, Bashar                         SYRIA
//	ofac-990004  KHAMENEI, Ali                            IRAN-EO13876
//	ofac-990005  ISLAMIC REVOLUTIONARY GUARD CORPS        IRGC, NPWMD, SDGT
//	ofac-990006  BIN LADIN, Usama bin Muhammad bin Awad   SDGT
//
// UN Security Council Consolidated List (data/un, consolidated XML):
//
//	un-QDi.006   AIMAN MUHAMMED RABI AL-ZAWAHIRI               Al-Qaida, listed 2001-01-25
//	un-TAi.002   MOHAMMAD HASSAN AKHUND                        Taliban, listed 2001-01-25
//	un-QDe.004   AL-QAIDA                                      Al-Qaida, listed 2001-10-06
//	un-KPe.001   KOREA MINING DEVELOPMENT TRADING CORPORATION  DPRK, listed 2009-04-24
//	un-KPe.003   TANCHON COMMERCIAL BANK                       DPRK, listed 2009-04-24
//
// EU Consolidated Financial Sanctions List (data/eu, FSF XML 1.1):
//
//	eu-990001    Sergey Viktorovich LAVROV        UKR, designated 2022-02-25
//	eu-990002    Vladimir Vladimirovich PUTIN     UKR, designated 2022-02-25
//	eu-990003    Bashar AL-ASSAD                  SYR, designated 2011-05-23
//	eu-990004    Aiman Muhammed Rabi AL-ZAWAHIRI  TAQA, UN QDi.006
//	eu-990005    Mohammad Hassan AKHUND           AFG, UN TAi.002
//
// UK Sanctions List (data/uk, FCDO XML):
//
//	uk-RUS9901   Sergei Viktorovich LAVROV        Russia regulations 2019
//	uk-RUS9902   Vladimir Vladimirovich PUTIN     Russia regulations 2019
//	uk-SYR9901   Bashar AL-ASSAD                  Syria regulations 2019
//	uk-AQD9901   Aiman Muhammed Rabi AL-ZAWAHIRI  ISIL (Da'esh) and Al-Qaida regulations 2019, UN QDi.006
//	uk-AFG9901   Mohammad Hassan AKHUND           Afghanistan regulations 2020, UN TAi.002
//
// Canada, Consolidated Canadian Autonomous Sanctions List (data/ca, SEMA XML):
//
//	ca-belarus-part-1-9901    Aleksandr Grigoryevich Lukashenko  Belarus
//	ca-russia-1-part-1-9901   Vladimir Vladimirovich Putin       Russia
//	ca-russia-1-part-1-9902   Sergei Viktorovich Lavrov          Russia
//
// Australia, DFAT Consolidated List (data/au, XLSX written at run time):
//
//	au-99001     MOHAMMAD HASSAN AKHUND                        1988 (Taliban), UN TAi.002
//	au-99002     KOREA MINING DEVELOPMENT TRADING CORPORATION  1718 (DPRK), UN KPe.001
//	au-99003     Vladimir Vladimirovich PUTIN                  Autonomous (Russia)
//	au-99004     Sergei Viktorovich LAVROV                     Autonomous (Russia)
//	au-99005     Bashar AL-ASSAD                               Autonomous (Syria)
package demo
