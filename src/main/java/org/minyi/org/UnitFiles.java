package org.minyi.org;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.platform.tabular.TabularFileException;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel/CSV import and export of the unit tree. An import is all or nothing: every row is
 * checked first and every problem reported with its row number; only a file without problems
 * changes anything, in one transaction. Rows are matched by code: a new code creates a unit, a
 * known one updates it.
 */
@Service
public class UnitFiles {

	public static final int MAX_ROWS = 20_000;

	private final UnitManagement units;

	private final MessageSource messages;

	private final Validator validator;

	private final TransactionTemplate transaction;

	UnitFiles(UnitManagement units, MessageSource messages, Validator validator, TransactionTemplate transaction) {
		this.units = units;
		this.messages = messages;
		this.validator = validator;
		this.transaction = transaction;
	}

	public List<String> headers(Locale locale) {
		return UnitFileColumns.headers(messages, locale);
	}

	/** Writes every unit in scope, parents before children, in the import format plus a status column. */
	public void export(ExcelExport sheet, DataScope scope, Locale locale) {
		Map<Long, String> codes = new HashMap<>();
		Map<Long, Map<PopulationCell, Integer>> population = units.populationByUnit(scope);
		for (UnitView unit : units.list(scope)) {
			codes.put(unit.id(), unit.code());
			Map<PopulationCell, Integer> figures = population.getOrDefault(unit.id(), Map.of());
			List<Object> row = new ArrayList<>(List.of(unit.code(), unit.name(),
					messages.getMessage(unit.kind().messageKey(), null, locale)));
			row.add(unit.parentId() == null ? "" : codes.getOrDefault(unit.parentId(), ""));
			row.add(unit.leaderName());
			row.add(unit.contactPhone());
			row.add(unit.populationTotal());
			for (PopulationCell cell : PopulationCell.all()) {
				row.add(figures.get(cell));
			}
			row.add(messages.getMessage(unit.active() ? "unit.status.active" : "unit.status.inactive", null, locale));
			sheet.row(row);
		}
	}

	public UnitImportResult importFile(InputStream file) {
		List<TabularRow> rows = new ArrayList<>();
		try {
			TabularReader.read(file, MAX_ROWS + 1, rows::add);
		}
		catch (TabularFileException e) {
			return UnitImportResult.failed(List.of(new ImportProblem(0, e.messageKey(), e.arguments())));
		}
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> columns = mapHeader(rows.get(0), problems);
		if (!problems.isEmpty()) {
			return UnitImportResult.failed(problems);
		}
		Map<String, ParsedRow> drafts = new LinkedHashMap<>();
		for (TabularRow row : rows.subList(1, rows.size())) {
			if (!row.isBlank()) {
				parse(row, columns, drafts, problems);
			}
		}
		if (drafts.isEmpty() && problems.isEmpty()) {
			problems.add(new ImportProblem(0, "tabular.error.noData"));
		}
		checkParents(drafts, problems);
		if (!problems.isEmpty()) {
			return UnitImportResult.failed(problems);
		}
		return apply(drafts);
	}

	private Map<String, Integer> mapHeader(TabularRow header, List<ImportProblem> problems) {
		Map<String, String> known = new HashMap<>();
		for (Locale locale : UnitFileColumns.HEADER_LOCALES) {
			for (UnitFileColumns column : UnitFileColumns.values()) {
				known.put(TabularReader.headerKey(messages.getMessage(column.messageKey(), null, locale)), column.name());
			}
			for (PopulationCell cell : PopulationCell.all()) {
				known.put(TabularReader.headerKey(UnitFileColumns.populationHeader(messages, cell, locale)), cell.key());
			}
			known.put(TabularReader.headerKey(messages.getMessage("unit.file.column.STATUS", null, locale)), "STATUS");
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String key = known.get(TabularReader.headerKey(header.cell(i)));
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
			else if (!header.cell(i).isEmpty()) {
				problems.add(new ImportProblem(1, "unit.import.unknownColumn", header.cell(i)));
			}
		}
		for (UnitFileColumns column : UnitFileColumns.values()) {
			if (column.required && !columns.containsKey(column.name())) {
				problems.add(new ImportProblem(1, "unit.import.missingColumn",
						messages.getMessage(column.messageKey(), null, Locale.SIMPLIFIED_CHINESE)));
			}
		}
		return columns;
	}

	private void parse(TabularRow row, Map<String, Integer> columns, Map<String, ParsedRow> drafts,
			List<ImportProblem> problems) {
		if (row.hasFormula()) {
			problems.add(new ImportProblem(row.number(), "tabular.error.formula"));
			return;
		}
		int before = problems.size();
		UnitKind kind = parseKind(cell(row, columns, "KIND"));
		if (kind == null) {
			problems.add(new ImportProblem(row.number(), "unit.import.badKind", cell(row, columns, "KIND")));
		}
		Integer total = parseCount(row, columns, "POPULATION_TOTAL", problems);
		Map<PopulationCell, Integer> population = new LinkedHashMap<>();
		for (PopulationCell cell : PopulationCell.all()) {
			Integer count = parseCount(row, columns, cell.key(), problems);
			if (count != null) {
				population.put(cell, count);
			}
		}
		UnitDraft draft = new UnitDraft(cell(row, columns, "CODE"), cell(row, columns, "NAME"), kind,
				cell(row, columns, "PARENT_CODE"), cell(row, columns, "LEADER_NAME"),
				cell(row, columns, "CONTACT_PHONE"), total, population);
		for (ConstraintViolation<UnitDraft> violation : validator.validate(draft)) {
			if (!"kind".equals(violation.getPropertyPath().toString())) {
				problems.add(new ImportProblem(row.number(), "unit.import.invalidField",
						violation.getPropertyPath().toString(), violation.getMessage()));
			}
		}
		if (drafts.containsKey(draft.code())) {
			problems.add(new ImportProblem(row.number(), "unit.import.duplicateCode", draft.code(),
					drafts.get(draft.code()).row()));
		}
		else if (problems.size() == before) {
			drafts.put(draft.code(), new ParsedRow(row.number(), draft));
		}
	}

	/** Each parent must exist in the file or the database, be of a kind the child may hang under, and form no cycle. */
	private void checkParents(Map<String, ParsedRow> drafts, List<ImportProblem> problems) {
		for (ParsedRow parsed : drafts.values()) {
			UnitDraft draft = parsed.draft();
			if (draft.parentCode().isEmpty()) {
				if (draft.kind() != UnitKind.DISTRICT) {
					problems.add(new ImportProblem(parsed.row(), "unit.error.parentRequired"));
				}
				continue;
			}
			Optional<UnitKind> parentKind = Optional.ofNullable(drafts.get(draft.parentCode()))
				.map(p -> p.draft().kind())
				.or(() -> units.findByCode(draft.parentCode()).map(UnitView::kind));
			if (parentKind.isEmpty()) {
				problems.add(new ImportProblem(parsed.row(), "unit.error.parentUnknown", draft.parentCode()));
			}
			else if (!draft.kind().acceptsParent(parentKind.get())) {
				problems.add(new ImportProblem(parsed.row(), "unit.error.kindParent"));
			}
		}
	}

	/** Creates and updates in one transaction, parents first; any refusal rolls everything back. */
	private UnitImportResult apply(Map<String, ParsedRow> drafts) {
		int[] counts = new int[2];
		List<ImportProblem> problems = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			Set<String> done = new HashSet<>();
			List<ParsedRow> pending = new ArrayList<>(drafts.values());
			while (!pending.isEmpty()) {
				List<ParsedRow> ready = pending.stream()
					.filter(p -> !drafts.containsKey(p.draft().parentCode()) || done.contains(p.draft().parentCode()))
					.toList();
				if (ready.isEmpty()) {
					pending.forEach(p -> problems.add(new ImportProblem(p.row(), "unit.import.cycle")));
					status.setRollbackOnly();
					return;
				}
				for (ParsedRow parsed : ready) {
					try {
						Optional<UnitView> existing = units.findByCode(parsed.draft().code());
						if (existing.isPresent()) {
							units.update(existing.get().id(), parsed.draft(), DataScope.wholeDistrict());
							counts[1]++;
						}
						else {
							units.create(parsed.draft());
							counts[0]++;
						}
					}
					catch (BusinessRuleException e) {
						problems.add(new ImportProblem(parsed.row(), e.messageKey(), e.arguments()));
						status.setRollbackOnly();
						return;
					}
					done.add(parsed.draft().code());
				}
				pending.removeAll(ready);
			}
		});
		return problems.isEmpty() ? new UnitImportResult(counts[0], counts[1], List.of()) : UnitImportResult.failed(problems);
	}

	private UnitKind parseKind(String text) {
		for (UnitKind kind : UnitKind.values()) {
			if (kind.name().equalsIgnoreCase(text)) {
				return kind;
			}
			for (Locale locale : UnitFileColumns.HEADER_LOCALES) {
				if (TabularReader.headerKey(messages.getMessage(kind.messageKey(), null, locale)).equals(TabularReader.headerKey(text))) {
					return kind;
				}
			}
		}
		return null;
	}

	private static Integer parseCount(TabularRow row, Map<String, Integer> columns, String column,
			List<ImportProblem> problems) {
		String text = cell(row, columns, column).replace(",", "");
		if (text.isEmpty()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (value < 0 || value != Math.rint(value) || value > 100_000_000) {
				throw new NumberFormatException();
			}
			return (int) value;
		}
		catch (NumberFormatException e) {
			problems.add(new ImportProblem(row.number(), "unit.import.badNumber", text));
			return null;
		}
	}

	private static String cell(TabularRow row, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index);
	}

	private record ParsedRow(int row, UnitDraft draft) {
	}
}
