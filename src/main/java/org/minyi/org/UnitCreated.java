package org.minyi.org;

/** Published when a unit is added to the tree, so that work meant for units of its kind reaches it. */
public record UnitCreated(long unitId, UnitKind kind) {
}
