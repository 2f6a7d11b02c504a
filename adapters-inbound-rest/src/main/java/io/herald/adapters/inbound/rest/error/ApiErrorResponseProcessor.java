package io.herald.adapters.inbound.rest.error;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Renders every error the server produces (bad JSON, wrong content type, unknown route or method,
 * oversize body, failed binding, unexpected exception) as an {@link ApiError}. Server errors get a
 * generic message: their cause is logged here, never sent to the caller.
 */
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<ApiError>) response;
        }
        HttpStatus status = response.getStatus();
        String message;
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> {
                // Exception messages can quote the request (a database error quotes the value it refused), so
                // above DEBUG only the chain of exception types, SQL states and the places they were thrown.
                LOG.error("Unexpected failure on {} {}: {}", context.getRequest().getMethod(), context.getRequest().getPath(),
                        withoutMessages(cause));
                LOG.debug("Unexpected failure, in full", cause);
            });
            message = "Herald could not complete the request; the failure is logged on the server";
        } else {
            message = describe(context, status);
        }
        return ((MutableHttpResponse<ApiError>) response)
                .body(ApiError.of(status, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static String withoutMessages(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            if (depth > 0) {
                chain.append(" <- ");
            }
            chain.append(current.getClass().getName());
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            StackTraceElement[] frames = current.getStackTrace();
            if (frames.length > 0) {
                chain.append(" at ").append(frames[0]);
            }
        }
        return chain.toString();
    }

    private static String describe(ErrorContext context, HttpStatus status) {
        if (!context.hasErrors()) {
            return status.getReason();
        }
        return context.getErrors().stream().map(ApiErrorResponseProcessor::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Error error) {
        String message = withoutParserLocation(error.getMessage());
        return error.getPath().map(path -> path + ": " + message).orElse(message);
    }

    /** Jackson appends where in its input it stopped; callers need the reason, not the parser's internals. */
    private static String withoutParserLocation(String message) {
        int location = message.indexOf("\n at [Source");
        return location < 0 ? message : message.substring(0, location).strip();
    }
}
