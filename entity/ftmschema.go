package entity

// The FtM model, for readers of FtM data (package source/ftm): what a
// schema is and which properties it has. A schema the model does not
// define (veto's copy holds the schemata veto writes) is unknown to both.

// FtMIs reports whether schema is the schema parent or one of its kinds
// (a Company is a LegalEntity).
func FtMIs(schema, parent string) bool { return ftmIs(schema, parent) }

// FtMSchemaKnown reports whether the model defines schema.
func FtMSchemaKnown(schema string) bool {
	_, ok := ftmModel[schema]
	return ok
}

// FtMPropertyType returns the type of a property of schema ("name",
// "date", "country", "identifier", "entity", ...); false when the
// schema has no such property.
func FtMPropertyType(schema, prop string) (string, bool) {
	p, ok := ftmProperty(schema, prop)
	return p.typ, ok
}
