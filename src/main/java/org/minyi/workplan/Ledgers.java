package org.minyi.workplan;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.platform.tabular.TabularFileException;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledgers (running records) of the units: list with filters, create, edit, delete, Excel/CSV
 * import and Excel export. A unit officer keeps the ledgers of the units in their subtree; anything
 * else is "not found". An import is all or nothing, with every problem reported by row.
 */
@Service
@Transactional
public class Ledgers {

	public static final int MAX_IMPORT_ROWS = 5_000;

	/** @param values stored form of each field (missing when empty) */
	public record LedgerEntry(long id, LedgerKind kind, long unitId, Map<String, String> values, Instant updatedAt, String updatedBy,
			int version) {

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

		/** The choice that files the entry (meeting type, activity type ...), or empty. */
		public String category() {
			return kind.categoryField().map(field -> value(field.name())).orElse("");
		}

		/** The date or year of the entry, or empty. */
		public String period() {
			return kind.periodField().map(field -> value(field.name())).orElse("");
		}

		/** The first text field: what a person recognises the entry by (place, topic, area, budget line, name). */
		public String headline() {
			return kind.fields().stream().filter(field -> field.type() == LedgerField.Type.TEXT).findFirst()
				.map(field -> value(field.name())).orElse("");
		}
	}

	/** @param unitId the unit and its subtree; null for everything in scope */
	public record LedgerFilter(Long unitId, Integer year, String category) {
	}

	public record FieldProblem(String field, String messageKey, Object[] arguments) {
	}

	/** The entry's fields were refused; each problem names its field. */
	public static final class InvalidEntry extends RuntimeException {

		private final transient List<FieldProblem> problems;

		InvalidEntry(List<FieldProblem> problems) {
			super(null, null, false, false);
			this.problems = List.copyOf(problems);
		}

		public List<FieldProblem> problems() {
			return problems;
		}
	}

	public record ImportResult(int created, List<ImportProblem> problems) {

		public boolean succeeded() {
			return problems.isEmpty();
		}
	}

	/** Sums of a funding ledger list: allocated and spent, in yuan. */
	public record FundingTotals(BigDecimal allocated, BigDecimal spent) {
	}

	private static final TypeReference<LinkedHashMap<String, String>> FIELD_MAP = new TypeReference<>() {
	};

	/** The header of the unit column in import files, in every language a file may come in. */
	private static final String UNIT_CODE = "ledger.column.unitCode";

	private static final List<Locale> HEADER_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final ObjectMapper json;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ledgers(JdbcClient jdbc, UnitManagement units, ObjectMapper json, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.json = json;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<LedgerEntry> list(LedgerKind kind, LedgerFilter filter, DataScope scope, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(kind, filter, scope, params);
		long total = jdbc.sql("select count(*) from ledger_entry" + where).paramSource(params).query(Long.class).single();
		List<LedgerEntry> items = jdbc.sql("select * from ledger_entry" + where
				+ " order by entry_date desc nulls last, entry_year desc nulls last, id desc limit :limit offset :offset")
			.paramSource(params.addValue("limit", page.size()).addValue("offset", page.offset()))
			.query((rs, n) -> entry(rs))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	public LedgerEntry find(long id, DataScope scope) {
		return jdbc.sql("select * from ledger_entry where id = :id")
			.param("id", id)
			.query((rs, n) -> entry(rs))
			.optional()
			.filter(entry -> unitInScope(entry.unitId(), scope).isPresent())
			.orElseThrow(() -> new RecordNotFoundException("ledger_entry", id));
	}

	/** Entries per kind that the scope covers, for the ledger overview. */
	@Transactional(readOnly = true)
	public Map<LedgerKind, Long> counts(DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = scope.districtWide() ? "" : " where unit_id in (:scope)";
		if (!scope.districtWide()) {
			params.addValue("scope", units.subtreeIds(scope));
		}
		Map<LedgerKind, Long> counts = new EnumMap<>(LedgerKind.class);
		for (LedgerKind kind : LedgerKind.values()) {
			counts.put(kind, 0L);
		}
		jdbc.sql("select kind, count(*) from ledger_entry" + where + " group by kind").paramSource(params).query(rs -> {
			counts.put(LedgerKind.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	/** Allocated and spent over every funding entry the filter selects (not only one page). */
	@Transactional(readOnly = true)
	public FundingTotals fundingTotals(LedgerFilter filter, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO };
		jdbc.sql("select fields from ledger_entry" + where(LedgerKind.FUNDING, filter, scope, params)).paramSource(params).query(rs -> {
			Map<String, String> values = json.readValue(rs.getString(1), FIELD_MAP);
			sums[0] = sums[0].add(new BigDecimal(values.getOrDefault("allocated", "0")));
			sums[1] = sums[1].add(new BigDecimal(values.getOrDefault("spent", "0")));
		});
		return new FundingTotals(sums[0], sums[1]);
	}

	/** The latest entries of a unit, of every kind, to attach one to a task. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> recentOfUnit(long unitId, int limit) {
		return jdbc.sql("select * from ledger_entry where unit_id = :unit order by id desc limit :limit")
			.param("unit", unitId)
			.param("limit", limit)
			.query((rs, n) -> entry(rs))
			.list();
	}

	public LedgerEntry create(LedgerKind kind, long unitId, Map<String, String> raw, DataScope scope) {
		UnitView unit = unitInScope(unitId, scope).orElseThrow(() -> new BusinessRuleException("unitId", "ledger.error.unit"));
		Map<String, String> values = checked(kind, raw);
		long id = insert(kind, unit.id(), values);
		events.publishEvent(AuditEvent.of("ledger.create", "ledger_entry", id, kind + " unit=" + unit.id()));
		return find(id, scope);
	}

	/** Replaces the fields; {@code version} is the one the user saw, so a concurrent edit is not overwritten. */
	public LedgerEntry update(long id, int version, Map<String, String> raw, DataScope scope) {
		LedgerEntry entry = find(id, scope);
		Map<String, String> values = checked(entry.kind(), raw);
		int updated = jdbc.sql("""
				update ledger_entry set fields = :fields, entry_date = :date, entry_year = :year, category = :category,
				  updated_at = :now, updated_by = :by, version = version + 1
				where id = :id and version = :version""")
			.paramSource(columns(entry.kind(), values).addValue("id", id).addValue("version", version))
			.update();
		if (updated != 1) {
			throw BusinessRuleException.of("ledger.error.stale");
		}
		events.publishEvent(AuditEvent.of("ledger.update", "ledger_entry", id, entry.kind() + " unit=" + entry.unitId()));
		return find(id, scope);
	}

	/** An entry that is a task's evidence stays (the task's reviewer relied on it). */
	public void delete(long id, DataScope scope) {
		LedgerEntry entry = find(id, scope);
		long attached = jdbc.sql("select count(*) from task_evidence where ledger_entry_id = :id").param("id", id).query(Long.class).single();
		if (attached > 0) {
			throw BusinessRuleException.of("ledger.error.attached");
		}
		jdbc.sql("delete from ledger_entry where id = :id").param("id", id).update();
		events.publishEvent(AuditEvent.of("ledger.delete", "ledger_entry", id, entry.kind() + " unit=" + entry.unitId()));
	}

	/** The column headers of the import template and the export, in the user's language. */
	@Transactional(readOnly = true)
	public List<String> headers(LedgerKind kind, Locale locale) {
		List<String> headers = new ArrayList<>(List.of(messages.getMessage(UNIT_CODE, null, locale)));
		kind.fields().forEach(field -> headers.add(messages.getMessage(field.messageKey(), null, locale)));
		return headers;
	}

	@Transactional(readOnly = true)
	public void export(LedgerKind kind, LedgerFilter filter, DataScope scope, ExcelExport sheet, Locale locale) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Map<Long, String> codes = new HashMap<>();
		jdbc.sql("select * from ledger_entry" + where(kind, filter, scope, params) + " order by unit_id, id").paramSource(params).query(rs -> {
			LedgerEntry entry = entry(rs);
			String code = codes.computeIfAbsent(entry.unitId(), unit -> units.findById(unit).map(UnitView::code).orElse(""));
			List<Object> row = new ArrayList<>(List.of(code));
			kind.fields().forEach(field -> row.add(display(field, entry.value(field.name()), locale)));
			row.add(entry.updatedBy());
			row.add(entry.updatedAt());
			sheet.row(row);
		});
	}

	/** A stored value as people read it: choices by their label, the rest as stored. */
	public String display(LedgerField field, String value, Locale locale) {
		if (field.type() == LedgerField.Type.CHOICE && !value.isEmpty()) {
			return messages.getMessage(LedgerField.optionKey(value), null, value, locale);
		}
		return value;
	}

	public ImportResult importFile(LedgerKind kind, InputStream file, DataScope scope) {
		List<TabularRow> rows = new ArrayList<>();
		try {
			TabularReader.read(file, MAX_IMPORT_ROWS + 1, rows::add);
		}
		catch (TabularFileException e) {
			return new ImportResult(0, List.of(new ImportProblem(0, e.messageKey(), e.arguments())));
		}
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> columns = columns(kind, rows.get(0), problems);
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		Map<String, String> choices = choiceCodes(kind);
		Map<String, Optional<UnitView>> unitsByCode = new HashMap<>();
		List<Parsed> parsed = new ArrayList<>();
		for (TabularRow row : rows.subList(1, rows.size())) {
			if (row.isBlank()) {
				continue;
			}
			if (row.hasFormula()) {
				problems.add(new ImportProblem(row.number(), "tabular.error.formula"));
				continue;
			}
			String code = row.cell(columns.get(UNIT_CODE));
			Optional<UnitView> unit = unitsByCode.computeIfAbsent(code,
					c -> units.findByCode(c).filter(u -> u.active() && scope.covers(u.path())));
			if (unit.isEmpty()) {
				problems.add(new ImportProblem(row.number(), "ledger.import.unit", code));
			}
			Map<String, String> raw = new HashMap<>();
			kind.fields().forEach(field -> {
				String text = row.cell(columns.getOrDefault(field.name(), -1));
				raw.put(field.name(), field.type() == LedgerField.Type.CHOICE ? choices.getOrDefault(TabularReader.headerKey(text), text) : text);
			});
			try {
				Map<String, String> values = checked(kind, raw);
				unit.ifPresent(u -> parsed.add(new Parsed(u.id(), values)));
			}
			catch (InvalidEntry e) {
				for (FieldProblem problem : e.problems()) {
					problems.add(new ImportProblem(row.number(), "ledger.import.field",
							messages.getMessage("ledger.field." + problem.field(), null, Locale.SIMPLIFIED_CHINESE),
							messages.getMessage(problem.messageKey(), problem.arguments(), Locale.SIMPLIFIED_CHINESE)));
				}
			}
		}
		if (parsed.isEmpty() && problems.isEmpty()) {
			problems.add(new ImportProblem(0, "tabular.error.noData"));
		}
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		parsed.forEach(p -> insert(kind, p.unitId(), p.values()));
		events.publishEvent(AuditEvent.of("ledger.import", "ledger", kind.name(), parsed.size() + " entries"));
		return new ImportResult(parsed.size(), List.of());
	}

	private record Parsed(long unitId, Map<String, String> values) {
	}

	/** Header cells by field name (and the unit code column); unknown and missing columns are problems. */
	private Map<String, Integer> columns(LedgerKind kind, TabularRow header, List<ImportProblem> problems) {
		Map<String, String> known = new HashMap<>();
		for (Locale locale : HEADER_LOCALES) {
			known.put(TabularReader.headerKey(messages.getMessage(UNIT_CODE, null, locale)), UNIT_CODE);
			kind.fields().forEach(field -> known.put(TabularReader.headerKey(messages.getMessage(field.messageKey(), null, locale)), field.name()));
		}
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			String name = known.get(TabularReader.headerKey(header.cell(i)));
			if (name != null) {
				columns.putIfAbsent(name, i);
			}
			else if (!header.cell(i).isEmpty()) {
				problems.add(new ImportProblem(1, "unit.import.unknownColumn", header.cell(i)));
			}
		}
		List<String> required = new ArrayList<>(List.of(UNIT_CODE));
		kind.fields().stream().filter(LedgerField::required).forEach(field -> required.add(field.messageKey()));
		for (String key : required) {
			String name = key.equals(UNIT_CODE) ? UNIT_CODE : key.substring("ledger.field.".length());
			if (!columns.containsKey(name)) {
				problems.add(new ImportProblem(1, "unit.import.missingColumn", messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)));
			}
		}
		return columns;
	}

	/** Choice labels in every language (and the codes themselves), as header keys, to their codes. */
	private Map<String, String> choiceCodes(LedgerKind kind) {
		Map<String, String> codes = new HashMap<>();
		kind.fields().stream().flatMap(field -> field.options().stream()).forEach(option -> {
			codes.put(TabularReader.headerKey(option), option);
			HEADER_LOCALES.forEach(locale -> codes.put(TabularReader.headerKey(messages.getMessage(LedgerField.optionKey(option), null, locale)),
					option));
		});
		return codes;
	}

	/** Every field checked; all problems at once so a form can show them together. */
	private Map<String, String> checked(LedgerKind kind, Map<String, String> raw) {
		LocalDate today = LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE));
		Map<String, String> values = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (LedgerField field : kind.fields()) {
			try {
				String value = field.normalise(raw.get(field.name()), today);
				if (value != null) {
					values.put(field.name(), value);
				}
			}
			catch (BusinessRuleException e) {
				problems.add(new FieldProblem(field.name(), e.messageKey(), e.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidEntry(problems);
		}
		return values;
	}

	private long insert(LedgerKind kind, long unitId, Map<String, String> values) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ledger_entry (kind, unit_id, entry_date, entry_year, category, fields, created_at, created_by, updated_at,
				  updated_by, version)
				values (:kind, :unit, :date, :year, :category, :fields, :now, :by, :now, :by, 0)""")
			.paramSource(columns(kind, values).addValue("kind", kind.name()).addValue("unit", unitId))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** The filterable columns follow from the fields. */
	private MapSqlParameterSource columns(LedgerKind kind, Map<String, String> values) {
		LocalDate date = null;
		Integer year = null;
		Optional<LedgerField> period = kind.periodField();
		if (period.isPresent() && values.containsKey(period.get().name())) {
			String value = values.get(period.get().name());
			if (period.get().type() == LedgerField.Type.YEAR) {
				year = Integer.valueOf(value);
			}
			else {
				date = LocalDate.parse(value);
				year = date.getYear();
			}
		}
		return new MapSqlParameterSource().addValue("fields", json.writeValueAsString(values))
			.addValue("date", date)
			.addValue("year", year)
			.addValue("category", kind.categoryField().map(field -> values.get(field.name())).orElse(null))
			.addValue("now", SqlTimes.bind(clock.instant()))
			.addValue("by", CurrentUser.get().map(CurrentUser::username).orElse(null));
	}

	private String where(LedgerKind kind, LedgerFilter filter, DataScope scope, MapSqlParameterSource params) {
		StringBuilder where = new StringBuilder(" where kind = :kind");
		params.addValue("kind", kind.name());
		units.visibleUnits(filter.unitId(), scope).ifPresent(ids -> {
			where.append(" and unit_id in (:units)");
			params.addValue("units", ids);
		});
		if (filter.year() != null) {
			where.append(" and entry_year = :year");
			params.addValue("year", filter.year());
		}
		if (filter.category() != null && !filter.category().isBlank()) {
			where.append(" and category = :category");
			params.addValue("category", filter.category());
		}
		return where.toString();
	}

	private Optional<UnitView> unitInScope(long unitId, DataScope scope) {
		return units.findById(unitId).filter(unit -> scope.covers(unit.path()));
	}

	private LedgerEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new LedgerEntry(rs.getLong("id"), LedgerKind.valueOf(rs.getString("kind")), rs.getLong("unit_id"),
				json.readValue(rs.getString("fields"), FIELD_MAP), SqlTimes.instant(rs, "updated_at"), rs.getString("updated_by"),
				rs.getInt("version"));
	}
}
