package org.minyi.fieldwork;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.minyi.org.UnitManagement;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.springframework.stereotype.Component;

/** A fielding CATI round with a frame of fresh numbers, for tests that dial. */
@Component
class CatiFixture {

	/** Numbers no other test uses: every fixture frame takes the next block. */
	private static final AtomicLong NEXT_BLOCK = new AtomicLong(System.nanoTime() % 1_000_000);

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final SampleFrames frames;

	private final UnitManagement units;

	CatiFixture(RoundManagement rounds, InstrumentCatalog instruments, SampleFrames frames, UnitManagement units) {
		this.rounds = rounds;
		this.instruments = instruments;
		this.frames = frames;
		this.units = units;
	}

	RoundView fieldingRound(String name) {
		long standard = instruments.list().stream()
			.filter(v -> v.code().equals("STANDARD") && !v.isDraft())
			.findFirst()
			.orElseThrow()
			.id();
		RoundView round = rounds.create(new RoundDraft(name, RoundKind.MOCK, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
				standard, Set.of(Mode.CATI)));
		return rounds.moveTo(round.id(), RoundStatus.FIELDING);
	}

	/** A frame of {@code perTownship} numbers in each of the given townships (by code); returns the frame id. */
	long frame(int perTownship, String... townshipCodes) {
		StringBuilder csv = new StringBuilder("phone,township\n");
		for (String township : townshipCodes) {
			long block = NEXT_BLOCK.incrementAndGet() % 10_000;
			for (int i = 0; i < perTownship; i++) {
				csv.append(String.format("137%04d%04d,%s%n", block, i, township));
			}
		}
		return frames.importFile("fixture", null, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).id();
	}

	long township(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	SampleDraws.DrawRequest request(long frameId, Map<Long, Integer> completes, String rate, int replicateSize, long seed,
			SampleDraws.QuotaKind quotas) {
		return new SampleDraws.DrawRequest(frameId, completes, new BigDecimal(rate), replicateSize, seed, quotas);
	}
}
