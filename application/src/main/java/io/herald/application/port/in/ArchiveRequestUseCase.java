package io.herald.application.port.in;

/** Courier's request archive: a send's messages leave the default message listing. */
public interface ArchiveRequestUseCase {

    /** NotFoundException when no message has that request id. Archiving twice changes nothing. */
    void archive(String requestId);
}
