package org.minyi.fieldwork;

/**
 * The disposition groups of the AAPOR Standard Definitions (STATISTICS.md §6): interviews (I complete,
 * P partial), eligible non-interviews (R refusal and break-off, NC non-contact, O other), unknown
 * eligibility (UH unknown if household, UO unknown other) and not eligible (NE).
 */
public enum AaporGroup {
	I, P, R, NC, O, UH, UO, NE
}
