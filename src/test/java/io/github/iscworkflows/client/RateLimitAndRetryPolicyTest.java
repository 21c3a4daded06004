package io.github.iscworkflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitAndRetryPolicyTest {

    @Test
    void limiterWaitsWhenWindowIsFull() throws Exception {
        FakeTime time = new FakeTime();
        RequestRateLimiter limiter = new RequestRateLimiter(3, Duration.ofSeconds(10), time);

        limiter.acquire();
        time.advance(Duration.ofSeconds(4));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertEquals(List.of(Duration.ofSeconds(6)), time.sleeps());
    }

    @Test
    void limiterHoldsAcrossThreads() throws Exception {
        FakeTime time = new FakeTime();
        RequestRateLimiter limiter = new RequestRateLimiter(5, Duration.ofSeconds(10), time);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    try {
                        limiter.acquire();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    starts.add(time.nanoTime());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertEquals(20, sorted.size());
        long window = Duration.ofSeconds(10).toNanos();
        for (int i = 5; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 5) >= window, "six requests within 10 s at index " + i);
        }
    }

    @Test
    void sameClientIdSharesLimiter() {
        IscClientConfig first = IscClientConfig.builder("https://acme.api.identitynow.com", "shared-id", "x")
                .build();
        IscClientConfig second = IscClientConfig.builder("https://acme.api.identitynow.com/", "shared-id", "y")
                .build();
        IscClientConfig otherId = IscClientConfig.builder("https://acme.api.identitynow.com", "other-id", "x")
                .build();
        IscClientConfig loopback = IscClientConfig.builder("http://127.0.0.1:8080", "shared-id", "x")
                .build();

        assertSame(first.rateLimiter, second.rateLimiter);
        assertNotSame(first.rateLimiter, otherId.rateLimiter);
        assertNull(loopback.rateLimiter);
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        assertEquals(Duration.ofSeconds(3), RetryPolicy.parseRetryAfter("3", now));
        assertEquals(Duration.ofSeconds(90), RetryPolicy.parseRetryAfter("Fri, 04 Dec 2026 12:01:30 GMT", now));
        assertEquals(Duration.ZERO, RetryPolicy.parseRetryAfter("Fri, 04 Dec 2026 11:59:00 GMT", now));
        assertNull(RetryPolicy.parseRetryAfter("soon", now));
        assertNull(RetryPolicy.parseRetryAfter("-4", now));
        assertEquals(RetryPolicy.MAX_RETRY_AFTER, RetryPolicy.parseRetryAfter("9223372036854775807", now));
        assertEquals(RetryPolicy.MAX_RETRY_AFTER, RetryPolicy.parseRetryAfter("123456789012345678901234567890", now));
        assertEquals(Duration.ofSeconds(5), RetryPolicy.parseRetryAfter("005", now));
        assertNull(RetryPolicy.parseRetryAfter(null, now));
    }

    @Test
    void backoffDoublesUpToCap() {
        RetryPolicy highest = new RetryPolicy(() -> 0.999999);
        RetryPolicy lowest = new RetryPolicy(() -> 0.0);

        assertEquals(Duration.ofMillis(500), highest.backoff(0));
        assertEquals(Duration.ofMillis(1000), highest.backoff(1));
        assertEquals(Duration.ofMillis(16000), highest.backoff(5));
        assertEquals(Duration.ofSeconds(30), highest.backoff(6));
        assertEquals(Duration.ofSeconds(30), highest.backoff(40));
        assertEquals(Duration.ofMillis(250), lowest.backoff(0));
        assertEquals(Duration.ofSeconds(15), lowest.backoff(12));
    }
}
