package org.minyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** A taken reference is drawn again; three taken in a row is an error, not a loop. */
class ReferencesTests {

	@Test
	void aTakenReferenceIsDrawnAgain() {
		List<String> tried = new ArrayList<>();
		long id = References.insertWithNew("SQ", LocalDate.of(2026, 11, 29), reference -> {
			tried.add(reference);
			return tried.size() < 3 ? OptionalLong.empty() : OptionalLong.of(42);
		});
		assertThat(id).isEqualTo(42);
		assertThat(tried).hasSize(3).allMatch(r -> r.matches("SQ20261129-[2-9A-HJ-NP-Z]{5}"));
	}

	@Test
	void threeTakenDrawsAreAnError() {
		assertThatThrownBy(() -> References.insertWithNew("MJ", LocalDate.of(2026, 11, 29), reference -> OptionalLong.empty()))
			.isInstanceOf(IllegalStateException.class);
	}
}
