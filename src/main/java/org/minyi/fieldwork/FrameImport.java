package org.minyi.fieldwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.personal.PhoneNumber;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * One import of a sample frame file, row by row as the reader streams it: numbers are normalised,
 * matched to their township (code or name) and community and sealed; every refused row is kept
 * with its reason. Full batches go to a sink — the {@link Writer}, on the thread that holds the
 * import's transaction, so that reading and sealing the next batch overlaps with inserting this one.
 */
final class FrameImport implements Consumer<TabularRow> {

	/** Numbers ready to insert and refused rows, as buffered. */
	record Batch(List<Object[]> numbers, List<Object[]> rejections) {
	}

	/** Known columns; headers are matched to {@code fieldwork.frame.column.<NAME>} in Chinese and English, or to the name. */
	enum Column {
		PHONE, TOWNSHIP, COMMUNITY, GENDER, AGE_GROUP;

		String messageKey() {
			return "fieldwork.frame.column." + name();
		}
	}

	private static final int BATCH = 1000;

	/** Columns of a frame_number row as buffered: frame, sealed, hash, masked, kind, township, community, gender, age, attributes. */
	private static final int NUMBER_COLUMNS = 10;

	private static final String INSERT_BATCH = insertStatement(BATCH);

	private static final List<Locale> LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final long frameId;

	private final Consumer<Batch> sink;

	private final PersonalData personalData;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final Map<String, UnitView> townships = new HashMap<>();

	private final Map<String, UnitView> communities = new HashMap<>();

	private final Map<String, String> genders = new HashMap<>();

	private final Map<String, String> ageGroups = new HashMap<>();

	private final Map<Column, Integer> columns = new EnumMap<>(Column.class);

	private final Map<Integer, String> extraColumns = new LinkedHashMap<>();

	private List<Object[]> numbers = new ArrayList<>(BATCH);

	private List<Object[]> rejections = new ArrayList<>(BATCH);

	private boolean headerRead;

	private final SeenNumbers seen = new SeenNumbers();

	/** Repeated numbers: the first row of a number is kept. */
	int duplicates;

	int invalid;

	int unknownTownships;

	FrameImport(long frameId, List<UnitView> units, Consumer<Batch> sink, PersonalData personalData, MessageSource messages,
			ObjectMapper json) {
		this.frameId = frameId;
		this.sink = sink;
		this.personalData = personalData;
		this.messages = messages;
		this.json = json;
		for (UnitView unit : units) {
			Map<String, UnitView> into = unit.kind() == UnitKind.TOWNSHIP ? townships : unit.kind() == UnitKind.COMMUNITY ? communities : null;
			if (into != null) {
				into.put(TabularReader.headerKey(unit.code()), unit);
				into.putIfAbsent(TabularReader.headerKey(unit.name()), unit);
			}
		}
		for (Gender gender : Gender.values()) {
			labels(gender.name(), gender.messageKey()).forEach(label -> genders.put(label, gender.name()));
		}
		for (AgeGroup group : AgeGroup.values()) {
			labels(group.name(), group.messageKey()).forEach(label -> ageGroups.put(label, group.name()));
		}
	}

	private List<String> labels(String name, String messageKey) {
		List<String> labels = new ArrayList<>(List.of(TabularReader.headerKey(name)));
		LOCALES.forEach(locale -> labels.add(TabularReader.headerKey(messages.getMessage(messageKey, null, name, locale))));
		return labels;
	}

	@Override
	public void accept(TabularRow row) {
		if (!headerRead) {
			readHeader(row);
			headerRead = true;
		}
		else if (!row.isBlank()) {
			readRow(row);
		}
	}

	private void readHeader(TabularRow header) {
		Map<String, Column> known = new HashMap<>();
		for (Column column : Column.values()) {
			known.put(TabularReader.headerKey(column.name()), column);
			LOCALES.forEach(locale -> known.put(TabularReader.headerKey(messages.getMessage(column.messageKey(), null, locale)), column));
		}
		for (int i = 0; i < header.cells().size(); i++) {
			Column column = known.get(TabularReader.headerKey(header.cell(i)));
			if (column != null && !columns.containsKey(column)) {
				columns.put(column, i);
			}
			else if (column == null && !header.cell(i).isEmpty()) {
				extraColumns.put(i, header.cell(i));
			}
		}
		for (Column required : List.of(Column.PHONE, Column.TOWNSHIP)) {
			if (!columns.containsKey(required)) {
				throw new Refused(BusinessRuleException.of("fieldwork.frame.error.column",
						messages.getMessage(required.messageKey(), null, Locale.SIMPLIFIED_CHINESE)));
			}
		}
	}

	private void readRow(TabularRow row) {
		String raw = cell(row, Column.PHONE);
		if (row.hasFormula()) {
			reject(row, "fieldwork.frame.reject.formula", raw);
			return;
		}
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(raw);
		}
		catch (PhoneNumber.Invalid e) {
			reject(row, e.messageKey(), raw);
			return;
		}
		UnitView township = townships.get(TabularReader.headerKey(cell(row, Column.TOWNSHIP)));
		if (township == null) {
			unknownTownships++;
			rejections.add(new Object[] { frameId, row.number(), "fieldwork.frame.reject.township", phone.masked() });
			flushIfFull();
			return;
		}
		String communityCell = cell(row, Column.COMMUNITY);
		UnitView community = communityCell.isEmpty() ? null : communities.get(TabularReader.headerKey(communityCell));
		String gender = optional(cell(row, Column.GENDER), genders);
		String age = optional(cell(row, Column.AGE_GROUP), ageGroups);
		String problem = !communityCell.isEmpty() && (community == null || !Long.valueOf(township.id()).equals(community.parentId()))
				? "fieldwork.frame.reject.community" : "?".equals(gender) ? "fieldwork.frame.reject.gender"
						: "?".equals(age) ? "fieldwork.frame.reject.ageGroup" : null;
		if (problem != null) {
			reject(row, problem, phone.masked());
			return;
		}
		PersonalData.Protected sealed = personalData.protect(phone.value());
		if (!seen.add(sealed.hash())) {
			duplicates++;
			return;
		}
		numbers.add(new Object[] { frameId, sealed.sealed(), sealed.hash(), phone.masked(), phone.kind().name(), township.id(),
				community == null ? null : community.id(), gender, age, attributes(row) });
		flushIfFull();
	}

	/** The recognised value, null for an empty cell, "?" for a value that is not recognised. */
	private static String optional(String cell, Map<String, String> known) {
		return cell.isEmpty() ? null : known.getOrDefault(TabularReader.headerKey(cell), "?");
	}

	private String attributes(TabularRow row) {
		if (extraColumns.isEmpty()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		extraColumns.forEach((i, name) -> {
			if (!row.cell(i).isEmpty()) {
				values.put(name, row.cell(i));
			}
		});
		if (values.isEmpty()) {
			return null;
		}
		String text = json.writeValueAsString(values);
		return text.length() <= 2000 ? text : text.substring(0, 2000);
	}

	private String cell(TabularRow row, Column column) {
		Integer index = columns.get(column);
		return index == null ? "" : row.cell(index);
	}

	private void reject(TabularRow row, String reason, String value) {
		invalid++;
		rejections.add(new Object[] { frameId, row.number(), reason, maskedRaw(value) });
		flushIfFull();
	}

	/** A refused value is still possibly a number: keep only its first three and last four characters. */
	static String maskedRaw(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String shown = value.length() >= 8 ? value.substring(0, 3) + "****" + value.substring(value.length() - 4) : "****";
		return shown.length() <= 60 ? shown : shown.substring(0, 60);
	}

	private void flushIfFull() {
		if (numbers.size() >= BATCH || rejections.size() >= BATCH) {
			flush();
		}
	}

	/** Hands what is buffered to the sink. */
	void flush() {
		if (!numbers.isEmpty() || !rejections.isEmpty()) {
			sink.accept(new Batch(numbers, rejections));
			numbers = new ArrayList<>(BATCH);
			rejections = new ArrayList<>(BATCH);
		}
	}

	/**
	 * Inserts batches: numbers in one multi-row INSERT per batch (several times faster than a JDBC
	 * batch of single-row statements on PostgreSQL).
	 */
	static final class Writer implements Consumer<Batch> {

		private final JdbcTemplate jdbc;

		int imported;

		Writer(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void accept(Batch batch) {
			List<Object[]> numbers = batch.numbers();
			if (!numbers.isEmpty()) {
				Object[] arguments = new Object[numbers.size() * NUMBER_COLUMNS];
				for (int i = 0; i < numbers.size(); i++) {
					System.arraycopy(numbers.get(i), 0, arguments, i * NUMBER_COLUMNS, NUMBER_COLUMNS);
				}
				imported += jdbc.update(insertNumbers(numbers.size()), arguments);
			}
			if (!batch.rejections().isEmpty()) {
				jdbc.batchUpdate("insert into frame_rejection (frame_id, row_number, reason, shown_value) values (?, ?, ?, ?)",
						batch.rejections());
			}
		}

	}

	private static String insertNumbers(int rows) {
		return rows == BATCH ? INSERT_BATCH : insertStatement(rows);
	}

	private static String insertStatement(int rows) {
		return "insert into frame_number (frame_id, phone_sealed, phone_hash, phone_masked, phone_kind, township_id, community_id, "
				+ "gender, age_group, attributes) values "
				+ String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
	}

	/** A whole-file refusal carried out of the reader's callback. */
	static final class Refused extends RuntimeException {

		final BusinessRuleException reason;

		Refused(BusinessRuleException reason) {
			super(null, null, false, false);
			this.reason = reason;
		}
	}
}
