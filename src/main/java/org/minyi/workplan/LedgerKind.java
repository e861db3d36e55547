package org.minyi.workplan;

import static org.minyi.workplan.LedgerField.Type.AMOUNT;
import static org.minyi.workplan.LedgerField.Type.COUNT;
import static org.minyi.workplan.LedgerField.Type.DATE;
import static org.minyi.workplan.LedgerField.Type.PERCENT;
import static org.minyi.workplan.LedgerField.Type.YEAR;

import java.util.List;
import java.util.Optional;

/**
 * The running records (ledgers) a unit keeps for the evaluation work, as the seed plan lists them.
 * Each kind is a list of fields; the first choice field is the ledger's category filter, and the
 * date or year field (if any) its period filter.
 */
public enum LedgerKind {

	MEETING(LedgerField.choice("meetingType", "MOBILISATION", "PROGRESS", "SPECIAL", "TRAINING", "OTHER"),
			LedgerField.of("date", DATE, true), LedgerField.text("place", true, 200), LedgerField.text("chairedBy", true, 100),
			LedgerField.of("attendance", COUNT, true), LedgerField.longText("minutes")),

	PUBLICITY(LedgerField.choice("activityType", "QUIZ", "PERFORMANCE", "BOARD", "NEW_MEDIA", "DOOR_TO_DOOR", "OTHER"),
			LedgerField.of("date", DATE, true), LedgerField.text("place", true, 200), LedgerField.of("reach", COUNT, true),
			LedgerField.longText("description")),

	LEGAL_EDUCATION(LedgerField.choice("activityType", "LECTURE", "CONSULTATION", "QUIZ", "PERFORMANCE", "BOARD", "NEW_MEDIA",
			"DOOR_TO_DOOR", "OTHER"), LedgerField.text("topic", true, 200), LedgerField.of("date", DATE, true),
			LedgerField.text("place", true, 200), LedgerField.of("reach", COUNT, true), LedgerField.longText("description")),

	KEY_AREA(LedgerField.choice("areaType", "MARKET", "SCHOOL_SURROUNDINGS", "MAIN_ROAD", "URBAN_FRINGE", "SCENIC_AREA", "RESIDENTIAL",
			"OTHER"), LedgerField.text("areaName", true, 200), LedgerField.of("cameras", COUNT, true),
			LedgerField.of("coverage", PERCENT, true), LedgerField.of("lastChecked", DATE, false), LedgerField.longText("note")),

	FUNDING(LedgerField.of("year", YEAR, true), LedgerField.text("budgetLine", true, 200), LedgerField.of("allocated", AMOUNT, true),
			LedgerField.of("spent", AMOUNT, true), LedgerField.longText("note")),

	LEADING_GROUP(LedgerField.choice("groupRole", "GROUP_LEADER", "DEPUTY_LEADER", "OFFICE_DIRECTOR", "MEMBER", "LIAISON"),
			LedgerField.text("personName", true, 50), LedgerField.text("position", true, 100), LedgerField.text("phone", false, 30),
			LedgerField.longText("note"));

	private final List<LedgerField> fields;

	LedgerKind(LedgerField... fields) {
		this.fields = List.of(fields);
	}

	public List<LedgerField> fields() {
		return fields;
	}

	/** The field a list is filtered by category with. */
	public Optional<LedgerField> categoryField() {
		return fields.stream().filter(f -> f.type() == LedgerField.Type.CHOICE).findFirst();
	}

	/** The field that places an entry in a year, if the ledger is kept by period. */
	public Optional<LedgerField> periodField() {
		return fields.stream().filter(f -> f.type() == DATE || f.type() == YEAR).findFirst();
	}

	public String messageKey() {
		return "ledger.kind." + name();
	}

	/** The URL segment, e.g. {@code legal-education}. */
	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static Optional<LedgerKind> fromSlug(String slug) {
		for (LedgerKind kind : values()) {
			if (kind.slug().equals(slug)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}
}
