package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.survey.RoundView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Next call" under 200 interviewers at once (ARCHITECTURE.md §7: p99 ≤ 50 ms, never the same number
 * twice). Each interviewer joins within the first dialling interval, then loops: next call (timed),
 * dials for a random time (default 50–150 ms, far shorter than a real call), records "no answer"
 * (timed apart), until the released sample is used up. Reports p50/p99/max of both steps and checks
 * that no case was handed out twice. Not part of the normal build: {@code bench/next-call.sh h2|pg}.
 */
@Tag("bench")
@MinyiTest
class NextCallBenchmark {

	private static final int INTERVIEWERS = Integer.getInteger("bench.interviewers", 200);

	private static final int CASES = Integer.getInteger("bench.cases", 20_000);

	/** How long an interviewer dials before recording the outcome, in milliseconds (uniform between the two). */
	private static final int DIAL_MIN = Integer.getInteger("bench.dialMin", 50);

	private static final int DIAL_MAX = Integer.getInteger("bench.dialMax", 150);

	@Autowired
	CatiFixture fixture;

	@Autowired
	SampleDraws draws;

	@Autowired
	CatiCalls calls;

	@Test
	void twoHundredInterviewersAskForTheirNextCall() throws Exception {
		RoundView round = fixture.fieldingRound("next-call benchmark");
		long frame = fixture.frame(CASES / 8 * 2, "YJCG", "YJHK", "YJDH", "YJXS", "YJNG", "YJLX", "YJSQ", "YJBS");
		Map<Long, Integer> completes = new LinkedHashMap<>();
		for (String code : List.of("YJCG", "YJHK", "YJDH", "YJXS", "YJNG", "YJLX", "YJSQ", "YJBS")) {
			completes.put(fixture.township(code), CASES / 8);
		}
		draws.draw(round.id(), fixture.request(frame, completes, "1", 50, 1, SampleDraws.QuotaKind.NONE));

		Set<Long> given = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		List<long[]> nextTimes = new ArrayList<>();
		List<long[]> recordTimes = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(INTERVIEWERS);
		List<Future<long[][]>> results = new ArrayList<>();
		for (int i = 0; i < INTERVIEWERS; i++) {
			String interviewer = "bench" + i;
			results.add(pool.submit(() -> {
				start.await();
				// interviewers come in over one dialling interval rather than in the same millisecond
				Thread.sleep(ThreadLocalRandom.current().nextInt(0, DIAL_MAX + 1));
				long[] next = new long[CASES];
				long[] record = new long[CASES];
				int n = 0;
				while (true) {
					long t0 = System.nanoTime();
					Optional<Long> call = calls.next(round.id(), interviewer);
					long t1 = System.nanoTime();
					if (call.isEmpty()) {
						break;
					}
					next[n] = t1 - t0;
					if (!given.add(call.get())) {
						duplicates.incrementAndGet();
					}
					Thread.sleep(ThreadLocalRandom.current().nextInt(DIAL_MIN, DIAL_MAX + 1));
					long t2 = System.nanoTime();
					calls.record(call.get(), interviewer, Disposition.NO_ANSWER, null, null, false);
					record[n++] = System.nanoTime() - t2;
				}
				return new long[][] { Arrays.copyOf(next, n), Arrays.copyOf(record, n) };
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<long[][]> result : results) {
			long[][] times = result.get();
			nextTimes.add(times[0]);
			recordTimes.add(times[1]);
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		long[] next = nextTimes.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long[] record = recordTimes.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long[] perInterviewer = nextTimes.stream().mapToLong(times -> times.length).sorted().toArray();
		System.out.printf("BENCH next call: calls per interviewer min %d, median %d, max %d%n", perInterviewer[0],
				perInterviewer[perInterviewer.length / 2], perInterviewer[perInterviewer.length - 1]);
		System.out.printf("BENCH next call: %d interviewers dialling %d-%d ms, %d calls in %.1f s (%.0f/s); next p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
				+ "record p50 %.1f ms, p99 %.1f ms, max %.1f ms; duplicates %d%n", INTERVIEWERS, DIAL_MIN, DIAL_MAX, next.length, seconds, next.length / seconds,
				ms(next, 0.5), ms(next, 0.99), next[next.length - 1] / 1e6, ms(record, 0.5), ms(record, 0.99), record[record.length - 1] / 1e6, duplicates.get());
		assertThat(duplicates.get()).isZero();
		assertThat(given).hasSize(next.length);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}
}
