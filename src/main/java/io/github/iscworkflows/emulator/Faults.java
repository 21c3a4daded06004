package io.github.iscworkflows.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The queue of injected faults; the first matching fault with calls left applies to a request. */
public final class Faults {

    private final List<Fault> pending = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();

    /** Adds a fault after those already queued. */
    public synchronized void add(Fault fault) {
        pending.add(fault);
        remaining.add(fault.times());
    }

    /** Removes every queued fault. */
    public synchronized void clear() {
        pending.clear();
        remaining.clear();
    }

    /** Number of faults that still have calls left. */
    public synchronized int size() {
        return pending.size();
    }

    /** Takes one call from the first fault that matches the request; null when none does. */
    synchronized Fault take(String method, String rawPath, String apiPath, String template, String decodedQuery) {
        Iterator<Fault> faults = pending.iterator();
        int index = 0;
        while (faults.hasNext()) {
            Fault fault = faults.next();
            if (fault.matches(method, rawPath, apiPath, template, decodedQuery)) {
                int left = remaining.get(index) - 1;
                if (left == 0) {
                    faults.remove();
                    remaining.remove(index);
                } else {
                    remaining.set(index, left);
                }
                return fault;
            }
            index++;
        }
        return null;
    }

    synchronized List<Fault> snapshot() {
        return new ArrayList<>(pending);
    }
}
