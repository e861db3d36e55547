package org.minyi.org;

import java.util.List;

import org.minyi.platform.tabular.ImportProblem;

/** Outcome of an import: either counts of what changed, or the problems and nothing changed. */
public record UnitImportResult(int created, int updated, List<ImportProblem> problems) {

	public UnitImportResult {
		problems = List.copyOf(problems);
	}

	static UnitImportResult failed(List<ImportProblem> problems) {
		return new UnitImportResult(0, 0, problems);
	}

	public boolean succeeded() {
		return problems.isEmpty();
	}
}
