// Package entity is veto's domain model: the sanctioned people, organisations,
// vessels and aircraft that the publishers list, the list versions they come
// in, and the differences between versions.
//
// The model follows FollowTheMoney (FtM), the data model of OpenSanctions:
// schema names (Person, Organization, Company, LegalEntity, Vessel, Airplane)
// and property names (name, alias, weakAlias, birthDate, passportNumber,
// imoNumber, ...) are FtM's, so that [Entity.Properties] is an FtM property
// map and an export needs no renaming. Where FtM has only strings, veto keeps
// typed values that the matcher needs: partial dates and date ranges
// ([DateRange]), identifiers with their issuing country ([Identifier]), names
// with their kind, parts, language and script ([Name]).
//
// An Entity records what the publisher said, and nothing derived from it:
// normalised names, phonetic keys and other matcher state belong to the
// index, which is rebuilt from entities. Every Entity keeps the publisher's
// raw record ([Raw]) so an analyst can see exactly what the list said.
//
// This package imports only the standard library.
package entity
