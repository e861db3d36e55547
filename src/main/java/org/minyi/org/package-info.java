/**
 * Organisation: the unit tree of the district — townships and their communities,
 * departments including the political-legal departments, institutions under a department or
 * township — with leaders, contacts and population figures by gender and age group, which
 * sampling and weighting use. Units are deactivated, never deleted.
 *
 * <p>Published API: UnitManagement (find, list and search units within a data scope; create,
 * change, deactivate), UnitView, UnitNode, UnitSearch, UnitKind, and the population figures'
 * Gender, AgeGroup and PopulationCell; for the unit pages and import, UnitDraft, UnitFiles and
 * UnitImportResult. Event: UnitCreated (the work plan hands a new unit its tasks).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.minyi.org;
