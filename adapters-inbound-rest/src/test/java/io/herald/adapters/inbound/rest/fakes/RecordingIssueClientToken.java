package io.herald.adapters.inbound.rest.fakes;

import io.herald.application.port.in.IssueClientTokenUseCase;
import jakarta.inject.Singleton;

@Singleton
public class RecordingIssueClientToken extends RecordingFake implements IssueClientTokenUseCase {

    public static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6InVzZXJfaWQ6dTEifQ.c2lnbmF0dXJl";

    public IssueClientTokenCommand onlyCommand() {
        return onlyCall("issue").argument(0, IssueClientTokenCommand.class);
    }

    @Override
    public String issue(IssueClientTokenCommand command) {
        called("issue", command);
        return TOKEN;
    }
}
