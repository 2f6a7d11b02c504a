package io.herald.adapters.inbound.rest.fakes;

import jakarta.inject.Singleton;

import java.util.List;

/** Every fake of the test context, so each test can start from fakes that heard nothing. */
@Singleton
public class AllFakes {

    private final List<RecordingFake> fakes;

    AllFakes(List<RecordingFake> fakes) {
        this.fakes = fakes;
    }

    public void reset() {
        fakes.forEach(RecordingFake::reset);
    }
}
