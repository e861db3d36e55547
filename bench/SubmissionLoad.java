import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of web submissions (issue 3): signs in as a district administrator, generates
 * invitation tokens for the demo's fielding round through the API, warms both endpoints up, then
 * posts complete responses with {@code concurrency} client threads, first to the no-op endpoint
 * and then to the real one, and reports throughput, p50/p99 latency, and the stored row count
 * against the 2xx count; finally replays a sample of used tokens, which must all be refused.
 *
 * Run: java bench/SubmissionLoad.java http://localhost:18080 district 'Minyi@Demo2026' 40000 64 [rate]
 */
public class SubmissionLoad {

	static HttpClient http;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int total = Integer.parseInt(args[3]);
		int concurrency = Integer.parseInt(args[4]);
		int rate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
		http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10)).build();
		String csrf = signIn(base, args[1], args[2]);
		String rounds = get(base + "/api/v1/rounds");
		Matcher fielding = Pattern.compile("\\{\"id\":(\\d+)[^{}]*?\"status\":\"FIELDING\"").matcher(rounds);
		if (!fielding.find()) {
			throw new IllegalStateException("no fielding round; start the app with the demo profile");
		}
		long round = Long.parseLong(fielding.group(1));
		List<String[]> townships = townships(get(base + "/api/v1/units?kind=TOWNSHIP&size=100"));
		int warmup = Math.max(2000, total / 5);
		List<String[]> all = tokens(base, csrf, round, townships, total + warmup);
		List<String[]> work = all.subList(warmup, all.size());
		byte[][] noopBodies = work.stream().map(w -> body("noop", w[1])).toArray(byte[][]::new);
		byte[][] bodies = work.stream().map(w -> body(w[0], w[1])).toArray(byte[][]::new);
		// warm-up (not measured): lets the JIT compile both paths before the measured runs
		run(base + "/api/v1/public/noop", Arrays.copyOf(noopBodies, warmup), concurrency, 0);
		run(base + "/api/v1/public/responses", all.subList(0, warmup).stream().map(w -> body(w[0], w[1])).toArray(byte[][]::new),
				concurrency, 0);
		long before = stored(base, round);

		Result noop = run(base + "/api/v1/public/noop", noopBodies, concurrency, rate);
		Result submit = run(base + "/api/v1/public/responses", bodies, concurrency, rate);
		long after = stored(base, round);

		System.out.printf("no-op     : %s%n", noop);
		System.out.printf("submission: %s%n", submit);
		System.out.printf("ratio     : submissions reach %.0f%% of the no-op throughput%n", 100.0 * submit.perSecond() / noop.perSecond());
		System.out.printf("rows      : %d stored, %d answered 2xx, %d other -> %s%n", after - before, submit.ok, submit.failed,
				after - before == submit.ok && submit.failed == 0 ? "none lost, none duplicated" : "MISMATCH");
		// replay a sample: every one must be refused and nothing stored
		Result replay = run(base + "/api/v1/public/responses", Arrays.copyOf(bodies, Math.min(1000, bodies.length)), concurrency, 0);
		System.out.printf("replay    : %d refused, %d accepted; rows now %d%n", replay.failed, replay.ok, stored(base, round) - before);
		System.exit(0);
	}

	record Result(int ok, int failed, double seconds, long[] latencies) {

		double perSecond() {
			return (ok + failed) / seconds;
		}

		double percentile(double p) {
			return latencies[(int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] / 1e6;
		}

		@Override
		public String toString() {
			return String.format("%d requests in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d 2xx, %d other)",
					ok + failed, seconds, perSecond(), percentile(0.5), percentile(0.99), percentile(1.0), ok, failed);
		}
	}

	/**
	 * Sends every body once from {@code concurrency} threads: as fast as they can ({@code rate} 0),
	 * or paced to {@code rate} requests per second, when latency counts from each request's
	 * scheduled time, so a stalled server is not hidden by clients that waited (coordinated omission).
	 */
	static Result run(String url, byte[][] bodies, int concurrency, int rate) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger ok = new AtomicInteger();
		AtomicLong failed = new AtomicLong();
		long[] latencies = new long[bodies.length];
		ExecutorService clients = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		for (int c = 0; c < concurrency; c++) {
			clients.submit(() -> {
				for (int i = next.getAndIncrement(); i < bodies.length; i = next.getAndIncrement()) {
					long sent = rate == 0 ? System.nanoTime() : start + (long) (i * 1e9 / rate);
					long wait = sent - System.nanoTime();
					if (wait > 0) {
						try {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
						catch (InterruptedException e) {
							return;
						}
					}
					int status;
					try {
						status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build(), HttpResponse.BodyHandlers.discarding())
							.statusCode();
					}
					catch (Exception e) {
						status = -1;
					}
					latencies[i] = System.nanoTime() - sent;
					if (status / 100 == 2) {
						ok.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				}
			});
		}
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.HOURS);
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Result(ok.get(), (int) failed.get(), seconds, latencies);
	}

	static byte[] body(String token, String township) {
		StringBuilder answers = new StringBuilder("\"S1\":[\"YES\"],\"S2\":[\"YES\"],\"S3\":[\"" + township + "\"],\"Q1\":[\"SAFE\"],\"Q2\":[\"BETTER\"]");
		for (String q : List.of("Q3", "Q4", "Q5", "Q6", "Q7")) {
			answers.append(",\"").append(q).append("\":[\"SATISFIED\"]");
		}
		answers.append(",\"Q8\":[\"KNOW\"],\"Q9\":[\"DID_NOT\"],\"Q10\":[\"OFTEN\"],\"Q11\":[\"NEVER_HAD\"],\"D1\":[\"FEMALE\"],\"D2\":[\"AGE_30_44\"]");
		// every respondent leaves a comment: the heaviest case, a second row kept per response
		answers.append(",\"Q12\":[\"More patrols near the school gate in the evening, please.\"]");
		return ("{\"token\":\"" + token + "\",\"answers\":{" + answers + "}}").getBytes(StandardCharsets.UTF_8);
	}

	static String signIn(String base, String username, String password) throws Exception {
		Matcher login = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(base + "/login"));
		login.find();
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(login.group(1));
		http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		Matcher token = Pattern.compile("X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;").matcher(get(base + "/"));
		if (!token.find()) {
			throw new IllegalStateException("sign-in failed");
		}
		return token.group(1);
	}

	/** Township id and code pairs. */
	static List<String[]> townships(String json) {
		List<String[]> townships = new ArrayList<>();
		Matcher m = Pattern.compile("\"id\":(\\d+),\"code\":\"([A-Z0-9]+)\"").matcher(json);
		while (m.find()) {
			townships.add(new String[] { m.group(1), m.group(2) });
		}
		return townships;
	}

	/** Tokens with the township code each was issued for, spread over the townships. */
	static List<String[]> tokens(String base, String csrf, long round, List<String[]> townships, int total) throws Exception {
		List<String[]> work = new ArrayList<>();
		int perTownship = (int) Math.ceil((double) total / townships.size());
		for (int t = 0; t < townships.size() && work.size() < total; t++) {
			for (int left = Math.min(perTownship, total - work.size()); left > 0; left -= 20_000) {
				String json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rounds/" + round + "/invitations"))
					.header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.ofString("{\"unitId\":" + townships.get(t)[0] + ",\"size\":" + Math.min(left, 20_000) + "}"))
					.build(), HttpResponse.BodyHandlers.ofString()).body();
				Matcher m = Pattern.compile("\"([A-Za-z0-9_-]{22})\"").matcher(json.substring(json.indexOf("\"tokens\"")));
				while (m.find()) {
					work.add(new String[] { m.group(1), townships.get(t)[1] });
				}
			}
		}
		Collections.shuffle(work, new Random(1));
		return work;
	}

	static long stored(String base, long round) throws Exception {
		String json = get(base + "/api/v1/rounds/" + round + "/response-counts");
		long sum = 0;
		Matcher m = Pattern.compile("\"(complete|screenedOut)\":(\\d+)").matcher(json);
		while (m.find()) {
			sum += Long.parseLong(m.group(2));
		}
		return sum;
	}

	static String get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
