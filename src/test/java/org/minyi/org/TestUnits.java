package org.minyi.org;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.minyi.platform.security.DataScope;

/**
 * Townships and communities of a test's own under the demo district (code {@code YJ}), so that tests
 * sharing one database never count each other's records, and the data scope of their officers.
 */
public final class TestUnits {

	/** Unique codes across every test context in the JVM (they may share one PostgreSQL database). */
	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private TestUnits() {
	}

	/** A new township named for what the test does with it, e.g. {@code township(units, "dispute town")}. */
	public static UnitView township(UnitManagement units, String label) {
		String code = "T" + NEXT.incrementAndGet();
		return units.create(new UnitDraft(code, label + " " + code, UnitKind.TOWNSHIP, "YJ", null, null, null, Map.of()));
	}

	/** A new community in the township. */
	public static UnitView community(UnitManagement units, UnitView township, String label) {
		String code = township.code() + "C" + NEXT.incrementAndGet() % 1000;
		return units.create(new UnitDraft(code, label + " " + code, UnitKind.COMMUNITY, township.code(), null, null, null, Map.of()));
	}

	/** What an officer of the unit sees: the unit and everything below it. */
	public static DataScope officerOf(UnitView unit) {
		return DataScope.subtree(unit.id(), unit.path());
	}
}
