package org.minyi.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Times a page through the whole web stack (security, controller, Thymeleaf): 20 warm-up requests,
 * then 100 measured, printed as a {@code BENCH} line with p50, p95 and the maximum.
 */
public final class PageTimings {

	private static final int WARM_UP = 20;

	private static final int RUNS = 100;

	private PageTimings() {
	}

	public static void measure(MockMvc mvc, String what, String url, RequestPostProcessor who) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			mvc.perform(get(url).with(who)).andExpect(status().isOk());
		}
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			mvc.perform(get(url).with(who)).andExpect(status().isOk());
			nanos[i] = System.nanoTime() - t;
		}
		Arrays.sort(nanos);
		System.out.printf("BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6,
				nanos[RUNS - 1] / 1e6);
	}
}
