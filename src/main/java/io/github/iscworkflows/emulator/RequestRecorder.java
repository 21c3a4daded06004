package io.github.iscworkflows.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API requests received while recording is on; off by default, so long runs keep no bodies. */
final class RequestRecorder {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile boolean recording;

    void recording(boolean on) {
        recording = on;
    }

    void record(Request request) {
        if (recording) {
            RecordedRequest recorded = new RecordedRequest(
                    request.method,
                    request.rawPath,
                    Map.copyOf(request.query),
                    request.headers.getFirst("Content-Type"),
                    request.body);
            synchronized (requests) {
                requests.add(recorded);
            }
        }
    }

    List<RecordedRequest> list() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clear() {
        synchronized (requests) {
            requests.clear();
        }
    }
}
