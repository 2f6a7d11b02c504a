package io.herald.application.automation;

/** A step cannot be executed (the template it sends was deleted since the automation was saved…); the run fails. */
class StepFailure extends RuntimeException {

    StepFailure(String message) {
        super(message);
    }
}
